package hermes.lib.textpatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line" + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("f", "a\nb\n", "a\nb\n")).isEmpty();
    }

    @Test
    void distantChangesGetSeparateHunks() {
        String before = numbered(1, 20);
        String after = before.replace("line2\n", "two\n").replace("line18\n", "eighteen\n");

        assertThat(UnifiedDiff.of("f.txt", before, after)).isEqualTo("""
                --- a/f.txt
                +++ b/f.txt
                @@ -1,5 +1,5 @@
                 line1
                -line2
                +two
                 line3
                 line4
                 line5
                @@ -15,6 +15,6 @@
                 line15
                 line16
                 line17
                -line18
                +eighteen
                 line19
                 line20
                """);
    }

    @Test
    void changesWhoseContextsTouchShareOneHunk() {
        String before = numbered(1, 12);
        String after = before.replace("line2\n", "two\n").replace("line9\n", "nine\n");

        String diff = UnifiedDiff.of("f", before, after);

        assertThat(diff).containsOnlyOnce("@@ -").contains("@@ -1,12 +1,12 @@");
    }

    @Test
    void insertionsAndDeletionsAreNumberedLikeDiffU() {
        assertThat(UnifiedDiff.of("f", "a\nb\n", "new\na\nb\n")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,3 @@
                +new
                 a
                 b
                """);
        assertThat(UnifiedDiff.of("f", "a\nb\nc\n", "a\nc\n")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,3 +1,2 @@
                 a
                -b
                 c
                """);
        assertThat(UnifiedDiff.of("f", "", "x\ny\n")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -0,0 +1,2 @@
                +x
                +y
                """);
    }

    @Test
    void aRewrittenMiddleKeepsTheUnchangedLinesAsContext() {
        String diff = UnifiedDiff.of("f", "keep\nold1\nsame\nold2\nkeep\n", "keep\nnew1\nsame\nnew2\nkeep\n");

        assertThat(diff).endsWith("""
                @@ -1,5 +1,5 @@
                 keep
                -old1
                +new1
                 same
                -old2
                +new2
                 keep
                """);
    }
}
