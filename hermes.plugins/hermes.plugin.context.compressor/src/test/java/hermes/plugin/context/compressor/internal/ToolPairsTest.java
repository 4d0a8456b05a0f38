package hermes.plugin.context.compressor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ToolCall;

class ToolPairsTest {

    private static final Message USER = Message.user("do it");
    private static final Message ANSWER = Message.assistant("done");

    private static Message calls(String... ids) {
        return new Message(Role.ASSISTANT, List.of(),
                Stream.of(ids).map(id -> new ToolCall(id, "terminal", "{}")).toList(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Message result(String id) {
        return Message.toolResult(id, "output of " + id);
    }

    private static Message stub(String id) {
        return Message.toolResult(id, ToolPairs.STUB_RESULT);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("complete pairs stay as they are",
                        List.of(USER, calls("a", "b"), result("a"), result("b"), ANSWER),
                        List.of(USER, calls("a", "b"), result("a"), result("b"), ANSWER)),
                Arguments.of("a result whose call was removed is dropped",
                        List.of(USER, result("gone"), ANSWER),
                        List.of(USER, ANSWER)),
                Arguments.of("a call whose result was removed gets a stub",
                        List.of(USER, calls("a"), USER),
                        List.of(USER, calls("a"), stub("a"), USER)),
                Arguments.of("a partly answered batch gets stubs after the results it has, in call order",
                        List.of(USER, calls("a", "b", "c"), result("b"), ANSWER),
                        List.of(USER, calls("a", "b", "c"), result("b"), stub("a"), stub("c"), ANSWER)),
                Arguments.of("a result separated from its call is dropped and the call stubbed",
                        List.of(USER, calls("a"), USER, result("a"), ANSWER),
                        List.of(USER, calls("a"), stub("a"), USER, ANSWER)),
                Arguments.of("a second result for the same call is dropped",
                        List.of(USER, calls("a"), result("a"), result("a"), ANSWER),
                        List.of(USER, calls("a"), result("a"), ANSWER)),
                Arguments.of("calls of the last message wait for their results",
                        List.of(USER, calls("a", "b"), result("a")),
                        List.of(USER, calls("a", "b"), result("a"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void repairsOrphans(String description, List<Message> messages, List<Message> expected) {
        assertThat(ToolPairs.repaired(messages)).isEqualTo(expected);
    }
}
