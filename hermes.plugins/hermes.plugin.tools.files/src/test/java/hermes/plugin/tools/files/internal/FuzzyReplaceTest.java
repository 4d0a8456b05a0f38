package hermes.plugin.tools.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyReplaceTest {

    private static FuzzyReplace.Replaced replaced(String content, String oldString, String newString,
                                                  boolean replaceAll) {
        FuzzyReplace.Outcome outcome = FuzzyReplace.replace(content, oldString, newString, replaceAll);
        assertThat(outcome).isInstanceOf(FuzzyReplace.Replaced.class);
        return (FuzzyReplace.Replaced) outcome;
    }

    @Test
    void contextAwarePicksTheMostSimilarOfSeveralQualifyingBlocks() {
        String content = "total = price * count\nshow(total)\n\ntotal = price * amount\nshow(totals)\n";

        var result = replaced(content, "total = price * amounts\nshow(totals)", "done()", false);

        assertThat(result.strategy()).isEqualTo(MatchStrategy.CONTEXT_AWARE);
        assertThat(result.content()).isEqualTo("total = price * count\nshow(total)\n\ndone()\n");
    }

    @Test
    void blockAnchorRejectsABlockWhoseMiddleIsUnlikeOldString() {
        String content = "begin\n    completely different statement here\nend\n";

        assertThat(MatchStrategy.BLOCK_ANCHOR.find(content, "begin\n    x = 1\nend")).isEmpty();
    }

    @Test
    void blockAnchorNeedsAtLeastThreeLines() {
        assertThat(MatchStrategy.BLOCK_ANCHOR.find("begin\nend\n", "begin\nend")).isEmpty();
    }

    @Test
    void reindentingKeepsTheNestingOfNewLinesRelativeToOldString() {
        String content = "        if ready:\n            go()\n";

        var result = replaced(content, "if ready:\n    go()", "if ready:\n    go()\n    log()\nelse:\n    wait()",
                false);

        assertThat(result.strategy()).isEqualTo(MatchStrategy.LINE_TRIMMED);
        assertThat(result.content()).isEqualTo(
                "        if ready:\n            go()\n            log()\n        else:\n            wait()\n");
    }

    @Test
    void replaceAllWorksWithPreciseFuzzyStrategies() {
        var result = replaced("  a()\n  b()\n    a()\n", "a()", "c()", true);

        assertThat(result.strategy()).isEqualTo(MatchStrategy.EXACT);
        assertThat(result.replacements()).isEqualTo(2);

        var trimmed = replaced("  x = 1\n  y = 2\n\n    x = 1\n    y = 2\n", "x = 1\ny = 2", "x = 3\ny = 4", true);
        assertThat(trimmed.strategy()).isEqualTo(MatchStrategy.LINE_TRIMMED);
        assertThat(trimmed.replacements()).isEqualTo(2);
        assertThat(trimmed.content()).isEqualTo("  x = 3\n  y = 4\n\n    x = 3\n    y = 4\n");
    }

    @Test
    void similarityIsOneForEqualAndZeroForDisjointText() {
        assertThat(Similarity.ratio("abc", "abc")).isEqualTo(1.0);
        assertThat(Similarity.ratio("abc", "xyz")).isEqualTo(0.0);
        assertThat(Similarity.ratio("abcd", "abxd")).isEqualTo(0.75);
        assertThat(Similarity.atLeast("abcd", "abxd", 0.75)).isTrue();
        assertThat(Similarity.atLeast("abcd", "abxd", 0.8)).isFalse();
    }
}
