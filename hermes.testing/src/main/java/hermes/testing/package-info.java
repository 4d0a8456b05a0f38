/**
 * Test support: {@link hermes.testing.FakeModelServer}, a scripted fake model server speaking the OpenAI Chat
 * Completions and Anthropic Messages wire formats, the {@link hermes.testing.Reply replies} it is scripted with and
 * the {@link hermes.testing.CapturedRequest requests} it records; {@link hermes.testing.FakeToolContext}, the session
 * a tool or terminal backend sees, set up by the test and recording what the code did with it. A plain jar for test
 * class paths, not a bundle.
 */
package hermes.testing;
