package hermes.plugin.context.compressor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ToolCall;

class SummaryPromptTest {

    @ParameterizedTest(name = "{0} tokens compacted in a window of {1}: about {2} tokens")
    @CsvSource({
            "1000,     200000,  2000",   // a fifth is 200: the floor
            "30000,    200000,  6000",   // a fifth
            "100000,   200000,  10000",  // 5% of the window
            "200000,   1000000, 12000",  // the absolute ceiling
            "100000,   20000,   2000"    // window so small the floor is above 5%: the floor wins
    })
    void summaryBudgetIsAFifthOfTheMiddleWithinBounds(long middleTokens, long contextLength, long expected) {
        assertThat(SummaryPrompt.summaryBudget(middleTokens, contextLength)).isEqualTo(expected);
    }

    @Test
    void transcriptNamesSpeakersToolCallsAndResults() {
        List<Message> turns = List.of(
                new Message(Role.USER, List.of(new ContentPart.Text("what is in this picture?"),
                        new ContentPart.Image("image/png", "data:image/png;base64,AAAA")), List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                new Message(Role.ASSISTANT, List.of(new ContentPart.Text("Let me look.")),
                        List.of(new ToolCall("c1", "vision", "{\"path\":\"a.png\"}")), Optional.empty(),
                        Optional.of("private thoughts"), Optional.empty()),
                Message.toolResult("c1", "a cat"),
                Message.assistant("A cat."));

        assertThat(SummaryPrompt.transcript(turns)).isEqualTo("""
                [USER]
                what is in this picture?[image image/png]

                [ASSISTANT]
                Let me look.
                Tool call: vision {"path":"a.png"}

                [TOOL RESULT vision]
                a cat

                [ASSISTANT]
                A cat.

                """);
    }

    @Test
    void longMessagesKeepTheirStartAndEnd() {
        String output = "S".repeat(3_000) + "x".repeat(10_000) + "E".repeat(1_000);

        String transcript = SummaryPrompt.transcript(List.of(Message.user(output)));

        assertThat(transcript).isEqualTo("[USER]\n" + "S".repeat(3_000) + "\n…[10000 characters omitted]…\n"
                + "E".repeat(1_000) + "\n\n");
    }

    @Test
    void promptAsksForTheTemplateAndStatesTheBudget() {
        String prompt = SummaryPrompt.of(List.of(Message.user("fix the build")), Optional.empty(), 2_000);

        assertThat(prompt)
                .contains("TURNS:\n[USER]\nfix the build\n")
                .contains("## Goal", "## Constraints & Preferences", "## Progress", "### Done", "### In Progress",
                        "### Blocked", "## Key Decisions", "## Relevant Files", "## Next Steps", "## Critical Context")
                .contains("Aim for about 2000 tokens.")
                .doesNotContain("EARLIER SUMMARY");
    }

    @Test
    void promptWithAnEarlierSummaryAsksToUpdateIt() {
        String prompt = SummaryPrompt.of(List.of(Message.user("now the tests")), Optional.of("## Goal\nship 1.0"),
                3_000);

        assertThat(prompt).contains("Update it with the new turns")
                .contains("EARLIER SUMMARY:\n## Goal\nship 1.0\n\nNEW TURNS:\n[USER]\nnow the tests\n");
    }
}
