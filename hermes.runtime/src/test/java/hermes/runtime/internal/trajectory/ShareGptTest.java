package hermes.runtime.internal.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;
import hermes.runtime.internal.trajectory.ShareGpt.Turn;

class ShareGptTest {

    static final ToolSpec TERMINAL = ToolSpec.of("terminal", "terminal", "Run a shell command.",
            "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}");

    /** The system turn for {@link #TERMINAL}, spelled out once as the format's reference. */
    static final String SYSTEM_WITH_TERMINAL = """
            You are a function-calling AI model. The functions you can call are described by their JSON signatures \
            between <tools> and </tools> below. Call one or more of them when that helps with the user's request; \
            when none is relevant, answer in plain conversational language. Never guess the values of arguments. \
            The results of your calls come back to you between <tool_response> and </tool_response> tags. The \
            functions:
            <tools>
            [{"name": "terminal", "description": "Run a shell command.", "parameters": {"type": "object", \
            "properties": {"command": {"type": "string"}}, "required": ["command"]}, "required": null}]
            </tools>
            Write each call as a JSON object that follows this JSON schema:
            {"title": "FunctionCall", "type": "object", "properties": {"name": {"title": "Name", "type": "string"}, \
            "arguments": {"title": "Arguments", "type": "object"}}, "required": ["name", "arguments"]}
            Put each call between <tool_call> and </tool_call> tags, like this:
            <tool_call>
            {"name": <function-name>, "arguments": <args-dict>}
            </tool_call>""";

    static Message assistant(String text, Optional<String> reasoning, ToolCall... calls) {
        List<ContentPart> content = text.isEmpty() ? List.of() : List.of(new ContentPart.Text(text));
        return new Message(Role.ASSISTANT, content, List.of(calls), Optional.empty(), reasoning, Optional.empty());
    }

    @Test
    void systemTurnIsTheFunctionCallingPreambleWithTheToolSignatures() {
        assertThat(ShareGpt.conversation(List.of(TERMINAL), List.of()))
                .containsExactly(new Turn("system", SYSTEM_WITH_TERMINAL));
    }

    @Test
    void withoutToolsTheSignaturesAreAnEmptyList() {
        assertThat(ShareGpt.conversation(List.of(), List.of()).getFirst().value()).contains("<tools>\n[]\n</tools>");
    }

    @Test
    void usersAreHumansAndSystemMessagesAreLeftOut() {
        List<Turn> turns = ShareGpt.conversation(List.of(),
                List.of(Message.system("session prompt with memory"), Message.user("hi"), Message.assistant("hello")));

        assertThat(turns.subList(1, turns.size()))
                .containsExactly(new Turn("human", "hi"), new Turn("gpt", "<think>\n</think>\nhello"));
    }

    static Stream<Arguments> gptTurns() {
        ToolCall ls = new ToolCall("c1", "terminal", "{\"command\":\"ls -la\"}");
        ToolCall malformed = new ToolCall("c2", "read_file", "{\"path\":");
        return Stream.of(
                Arguments.of("an answer gets an empty think block",
                        assistant("Done.", Optional.empty()), "<think>\n</think>\nDone."),
                Arguments.of("native reasoning goes into the think block",
                        assistant("Done.", Optional.of("Checked twice.")), "<think>\nChecked twice.\n</think>\nDone."),
                Arguments.of("blank reasoning counts as none",
                        assistant("  Done.\n", Optional.of(" \n")), "<think>\n</think>\n  Done."),
                Arguments.of("a reasoning scratchpad becomes the think block",
                        assistant("<REASONING_SCRATCHPAD>Plan.</REASONING_SCRATCHPAD>\nDone.", Optional.empty()),
                        "<think>Plan.</think>\nDone."),
                Arguments.of("an empty answer is just the think block",
                        assistant("", Optional.empty()), "<think>\n</think>"),
                Arguments.of("calls carry their arguments as objects",
                        assistant("", Optional.empty(), ls),
                        "<think>\n</think>\n<tool_call>\n{\"name\": \"terminal\", \"arguments\": "
                                + "{\"command\": \"ls -la\"}}\n</tool_call>"),
                Arguments.of("reasoning, text and calls in that order; malformed arguments become {}",
                        assistant("Let me look.", Optional.of("Need the listing."), ls, malformed),
                        "<think>\nNeed the listing.\n</think>\nLet me look.\n<tool_call>\n{\"name\": \"terminal\", "
                                + "\"arguments\": {\"command\": \"ls -la\"}}\n</tool_call>\n<tool_call>\n"
                                + "{\"name\": \"read_file\", \"arguments\": {}}\n</tool_call>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gptTurns")
    void gptTurnsStartWithAThinkBlock(String description, Message message, String expected) {
        assertThat(ShareGpt.conversation(List.of(), List.of(message)).get(1)).isEqualTo(new Turn("gpt", expected));
    }

    @Test
    void consecutiveToolResultsBecomeOneToolTurn() {
        List<Message> messages = List.of(
                Message.user("look"),
                assistant("", Optional.empty(), new ToolCall("c1", "read_file", "{}"),
                        new ToolCall("c2", "terminal", "{}"), new ToolCall("c3", "terminal", "{}")),
                Message.toolResult("c1", " {\"content\":\"ünï ✓\",\"lines\":[1,2]}"),
                Message.toolResult("c2", "total 0\n\tdone"),
                Message.toolResult("c3", "[not json"),
                Message.toolResult("c9", "late"),
                Message.assistant("Nothing there."));

        List<Turn> turns = ShareGpt.conversation(List.of(), messages);

        assertThat(turns.subList(3, turns.size())).containsExactly(
                new Turn("tool", """
                        <tool_response>
                        {"tool_call_id": "c1", "name": "read_file", "content": {"content": "ünï ✓", "lines": [1, 2]}}
                        </tool_response>
                        <tool_response>
                        {"tool_call_id": "c2", "name": "terminal", "content": "total 0\\n\\tdone"}
                        </tool_response>
                        <tool_response>
                        {"tool_call_id": "c3", "name": "terminal", "content": "[not json"}
                        </tool_response>
                        <tool_response>
                        {"tool_call_id": "c9", "name": "unknown", "content": "late"}
                        </tool_response>"""),
                new Turn("gpt", "<think>\n</think>\nNothing there."));
    }

    @Test
    void resultsAtTheEndStillFormATurn() {
        List<Turn> turns = ShareGpt.conversation(List.of(), List.of(Message.user("go"),
                assistant("", Optional.empty(), new ToolCall("c1", "terminal", "{}")),
                Message.toolResult("c1", "ok")));

        assertThat(turns.getLast()).isEqualTo(new Turn("tool",
                "<tool_response>\n{\"tool_call_id\": \"c1\", \"name\": \"terminal\", \"content\": \"ok\"}\n"
                        + "</tool_response>"));
    }
}
