package hermes.plugin.channel.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void textWithinTheLimitIsOnePiece() {
        assertThat(TextSplitter.split("hello", 10)).isEqualTo(List.of("hello"));
        assertThat(TextSplitter.split("a".repeat(4096), 4096)).isEqualTo(List.of("a".repeat(4096)));
    }

    @Test
    void emptyTextIsOneEmptyPiece() {
        assertThat(TextSplitter.split("", 10)).isEqualTo(List.of(""));
    }

    @Test
    void longTextIsCutAtTheLastLineBreakAndTheBreakIsDropped() {
        assertThat(TextSplitter.split("first line\nsecond line", 16)).isEqualTo(List.of("first line", "second line"));
    }

    @Test
    void withoutALateLineBreakTheCutIsAtTheLastSpace() {
        assertThat(TextSplitter.split("a\nbcdefgh ijklmnop", 12)).isEqualTo(List.of("a\nbcdefgh", "ijklmnop"));
    }

    @Test
    void oneLongWordIsCutHardAtTheLimit() {
        assertThat(TextSplitter.split("abcdefghij", 4)).isEqualTo(List.of("abcd", "efgh", "ij"));
    }

    @Test
    void aHardCutNeverSplitsASurrogatePair() {
        String text = "abc\uD83D\uDE00def"; // the emoji takes positions 3 and 4

        assertThat(TextSplitter.split(text, 4)).isEqualTo(List.of("abc", "\uD83D\uDE00de", "f"));
    }

    @Test
    void telegramsLimitGivesPiecesOfAtMost4096Characters() {
        String text = ("word ".repeat(300) + "\n").repeat(5); // 7,505 characters

        List<String> pieces = TextSplitter.split(text, TextSplitter.MAX_MESSAGE_LENGTH);

        assertThat(pieces).hasSize(3).allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("\n", pieces)).isEqualTo(text);
    }

    @Test
    void whatFollowsTheFirstPieceSplitsIntoTheSamePiecesAsTheWhole() {
        for (String text : List.of("first line\nsecond line\nthird line", "a\nbcdefgh ijklmnop", "abcdefghij",
                "abcdefg\uD83D\uDE00h")) {
            List<String> whole = TextSplitter.split(text, 8);

            assertThat(TextSplitter.split(TextSplitter.afterFirstPiece(text, 8), 8)).as(text)
                    .isEqualTo(whole.subList(1, whole.size()));
        }
        assertThat(TextSplitter.afterFirstPiece("short", 8)).isEmpty();
    }
}
