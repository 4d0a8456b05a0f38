package hermes.plugin.provider.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThinkTagSplitterTest {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ThinkTagSplitter splitter = new ThinkTagSplitter(text::append, reasoning::append);

    @Test
    void everySplitPointGivesTheSameReasoningAndText() {
        String content = "<think>a < b, so </thin k> is no tag</think>\n\nThe answer is <b>2</b>.";
        for (int first = 0; first <= content.length(); first++) {
            for (int second = first; second <= content.length(); second++) {
                ThinkTagSplitterTest fresh = new ThinkTagSplitterTest();
                fresh.splitter.accept(content.substring(0, first));
                fresh.splitter.accept(content.substring(first, second));
                fresh.splitter.accept(content.substring(second));
                fresh.splitter.finish();

                assertThat(fresh.reasoning).as("split at %d and %d", first, second)
                        .hasToString("a < b, so </thin k> is no tag");
                assertThat(fresh.text).as("split at %d and %d", first, second).hasToString("The answer is <b>2</b>.");
            }
        }
    }

    @Test
    void contentWithoutTagsPassesThroughUnchangedIncludingLeadingSpace() {
        splitter.accept("  indented");
        splitter.accept(" <");
        splitter.finish();

        assertThat(text).hasToString("  indented <");
        assertThat(reasoning).isEmpty();
    }

    @Test
    void unclosedThinkBlockIsAllReasoning() {
        splitter.accept("<think>still thinking when the tokens ran out");
        splitter.finish();

        assertThat(reasoning).hasToString("still thinking when the tokens ran out");
        assertThat(text).isEmpty();
    }

    @Test
    void textOnBothSidesOfABlockStaysText() {
        splitter.accept("Let me check.<think>is it 4?</think> It is 4.");
        splitter.finish();

        assertThat(text).hasToString("Let me check. It is 4.");
        assertThat(reasoning).hasToString("is it 4?");
    }
}
