package hermes.plugin.context.compressor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import hermes.api.Message;
import hermes.api.Message.Role;

class BoundariesTest {

    private static final int SIZE = 400; // 110 tokens a message

    static Stream<Arguments> cases() {
        return Stream.of(
                // the floor of 20 messages holds even though they are over the budget
                Arguments.of("tail of 20 when the budget is smaller", "u a ".repeat(15), 1_000,
                        Optional.of(new Boundaries(3, 10, Role.ASSISTANT))),
                // 30 messages of 110 tokens fit 3,300
                Arguments.of("tail by token budget beyond the floor", "u a ".repeat(30), 3_300,
                        Optional.of(new Boundaries(3, 30, Role.ASSISTANT))),
                Arguments.of("everything fits the budget", "u a ".repeat(15), 1_000_000, Optional.empty()),
                // head ends in a call: its results stay with it; after a tool result the summary speaks as the
                // user, but the tail starts with a user message, so the assistant
                Arguments.of("head stretched over the results of its last call", "u a c2 t t " + "u a ".repeat(15),
                        1_000, Optional.of(new Boundaries(5, 15, Role.ASSISTANT))),
                // the cut at 16 falls on a result: the tail starts at its call (15); user before, assistant after
                // leaves no role, so the head takes in the next group (c t)
                Arguments.of("tail cut moved to the call of a result and head extended for alternation",
                        "u a u " + "c t a u ".repeat(8) + "a", 1_000, Optional.of(new Boundaries(5, 15, Role.USER))),
                // floor 20 would keep everything; the outputs are over the budget on their own, so the floor is 8
                Arguments.of("bulky tool outputs lower the floor to 8", "u a u " + "c T ".repeat(5) + "a u", 20_000,
                        Optional.of(new Boundaries(5, 7, Role.USER))),
                Arguments.of("a middle holding only an earlier summary is not worth a compaction",
                        "u a u s " + "u a ".repeat(4), 100, Optional.empty()),
                Arguments.of("too short to have a middle", "u a u a", 100, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsHeadTailAndSummaryRole(String description, String script, long tailBudget,
                                     Optional<Boundaries> expected) {
        assertThat(Boundaries.of(Script.of(script, SIZE), tailBudget)).isEqualTo(expected);
    }

    @Test
    void systemMessagesDoNotCountTowardsTheHead() {
        List<Message> history = new ArrayList<>(Script.of("u a ".repeat(15), SIZE));
        history.addFirst(Message.system("rules"));

        assertThat(Boundaries.of(history, 1_000)).contains(new Boundaries(4, 11, Role.ASSISTANT));
    }
}
