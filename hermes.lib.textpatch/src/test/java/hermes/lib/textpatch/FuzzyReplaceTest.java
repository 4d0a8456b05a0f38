package hermes.lib.textpatch;

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

        assertThat(result.strategy()).isEqualTo(MatchStrategy.CONTEXT_AWARE.wireName());
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

        assertThat(result.strategy()).isEqualTo(MatchStrategy.LINE_TRIMMED.wireName());
        assertThat(result.content()).isEqualTo(
                "        if ready:\n            go()\n            log()\n        else:\n            wait()\n");
    }

    @Test
    void replaceAllWorksWithPreciseFuzzyStrategies() {
        var result = replaced("  a()\n  b()\n    a()\n", "a()", "c()", true);

        assertThat(result.strategy()).isEqualTo(MatchStrategy.EXACT.wireName());
        assertThat(result.replacements()).isEqualTo(2);

        var trimmed = replaced("  x = 1\n  y = 2\n\n    x = 1\n    y = 2\n", "x = 1\ny = 2", "x = 3\ny = 4", true);
        assertThat(trimmed.strategy()).isEqualTo(MatchStrategy.LINE_TRIMMED.wireName());
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

    @Test
    void replaceWithoutAMatchFailsAndShowsTheClosestPartOfTheText() {
        var outcome = FuzzyReplace.replace("alpha()\nbeta(1, 2)\ngamma()\n", "beta_function_call(7, 8, 9)", "x", false);

        assertThat(outcome).isInstanceOf(FuzzyReplace.Failed.class);
        assertThat(((FuzzyReplace.Failed) outcome).message())
                .startsWith("Could not find old_string")
                .contains("     2|beta(1, 2)");
    }

    @Test
    void replaceRefusesSeveralMatchesWithoutReplaceAllAndListsTheirLines() {
        var outcome = FuzzyReplace.replace("x = 1\ny = 2\nx = 1\n", "x = 1", "x = 3", false);

        assertThat(outcome).isEqualTo(new FuzzyReplace.Failed("""
                Found 2 matches for old_string (strategy exact). Add surrounding lines to old_string to make it \
                unique, or set replace_all=true to change every one. Matches:
                  line 1: x = 1
                  line 3: x = 1"""));
    }
}
