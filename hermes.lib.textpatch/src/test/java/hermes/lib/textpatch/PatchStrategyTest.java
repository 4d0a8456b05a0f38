package hermes.lib.textpatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One test per matching strategy: each input is matched by that strategy and by none before it in the chain, and the
 * outcome names the strategy.
 */
class PatchStrategyTest {

    /** Replaces in {@code content} and returns the new text. */
    private static String patchOnlyMatchedBy(MatchStrategy expected, String content, String oldString,
                                             String newString) {
        for (MatchStrategy earlier : MatchStrategy.values()) {
            if (earlier == expected) {
                break;
            }
            assertThat(earlier.find(content, oldString)).as("strategy %s must not match", earlier.wireName()).isEmpty();
        }

        FuzzyReplace.Outcome outcome = FuzzyReplace.replace(content, oldString, newString, false);

        assertThat(outcome).isInstanceOf(FuzzyReplace.Replaced.class);
        FuzzyReplace.Replaced replaced = (FuzzyReplace.Replaced) outcome;
        assertThat(replaced.strategy()).isEqualTo(expected.wireName());
        assertThat(replaced.replacements()).isEqualTo(1);
        return replaced.content();
    }

    @Test
    void exactMatchReplacesTheTextAsGiven() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.EXACT,
                "int count = 1;\nint total = 2;\n", "total = 2", "total = 3"))
                .isEqualTo("int count = 1;\nint total = 3;\n");
    }

    @Test
    void lineTrimmedMatchesLinesWithOtherIndentationAndReindentsTheReplacement() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.LINE_TRIMMED,
                "class A {\n    void run() {\n        go();\n    }\n}\n",
                "void run() {\n    go();\n}",
                "void run() {\n    stop();\n}"))
                .isEqualTo("class A {\n    void run() {\n        stop();\n    }\n}\n");
    }

    @Test
    void whitespaceNormalizedMatchesDespiteRunsOfSpacesInsideALine() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.WHITESPACE_NORMALIZED,
                "int  total =  0;\nint other = 0;\n", "total = 0", "total = 1"))
                .isEqualTo("int  total = 1;\nint other = 0;\n");
    }

    @Test
    void indentationFlexibleMatchesPartOfIndentedLinesWhenOldStringHasNoIndentation() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.INDENTATION_FLEXIBLE,
                "    first(1);\n    second(2);\n", "first(1);\nsecond(2", "first(10);\nsecond(20"))
                .isEqualTo("    first(10);\n    second(20);\n");
    }

    @Test
    void escapeNormalizedReadsBackslashEscapesAsTheCharactersTheyStandFor() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.ESCAPE_NORMALIZED,
                "first line\n\tsecond line\n", "first line\\n\\tsecond line", "first line\\n\\tline two"))
                .isEqualTo("first line\n\tline two\n");
    }

    @Test
    void trimmedBoundaryIgnoresBlankLinesAndSpacesAroundOldString() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.TRIMMED_BOUNDARY,
                "a = 1\nb = 2\nc = 3\n", "\n\n   b = 2   \n\n", "b = 20"))
                .isEqualTo("a = 1\nb = 20\nc = 3\n");
    }

    @Test
    void unicodeNormalizedMatchesSmartQuotesAndDashesTypedAsAscii() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.UNICODE_NORMALIZED,
                "say \u201Chello\u201D \u2014 now\u2026\nnext\n", "say \"hello\" - now...", "say \"bye\" - now"))
                .isEqualTo("say \"bye\" - now\nnext\n");
    }

    @Test
    void blockAnchorMatchesABlockWhoseFirstAndLastLinesAgreeAndWhoseMiddleIsSimilar() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.BLOCK_ANCHOR,
                "def total(items):\n    result = sum(items)\n    return result\n",
                "def total(items):\n    result = sum(item)\n    return result",
                "def total(items):\n    result = sum(items) + 1\n    return result"))
                .isEqualTo("def total(items):\n    result = sum(items) + 1\n    return result\n");
    }

    @Test
    void contextAwareMatchesTheBlockWhereEveryLineIsSimilar() {
        assertThat(patchOnlyMatchedBy(MatchStrategy.CONTEXT_AWARE,
                "import os\n\ndef total(items):\n    result = sum(items)\n    return result\n",
                "def total(item):\n    result = sum(items)\n    return result",
                "def total(values):\n    result = sum(values)\n    return result"))
                .isEqualTo("import os\n\ndef total(values):\n    result = sum(values)\n    return result\n");
    }
}
