/**
 * Test support: {@link hermes.testing.FakeModelServer}, a scripted fake model server speaking the OpenAI Chat
 * Completions and Anthropic Messages wire formats, the {@link hermes.testing.Reply replies} it is scripted with and
 * the {@link hermes.testing.CapturedRequest requests} it records. A plain jar for test class paths, not a bundle.
 */
package hermes.testing;
