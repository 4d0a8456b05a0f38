package hermes.plugin.tools.files.internal;

import static hermes.plugin.tools.files.internal.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ToolCall;
import hermes.testing.FakeToolContext;

class PatchToolTest {

    @TempDir
    Path dir;

    private final PatchTool tool = new PatchTool();

    private ToolCalls.Answer patch(String file, String oldString, String newString, boolean replaceAll)
            throws Exception {
        return call(tool, new FakeToolContext(dir), Map.of("path", file, "old_string", oldString,
                "new_string", newString, "replace_all", replaceAll));
    }

    @Test
    void patchReturnsAUnifiedDiffOfTheChange() throws Exception {
        Files.writeString(dir.resolve("app.py"), "a\nb\nc\nd\ne\nf\ng\nh\n");

        var answer = patch("app.py", "e", "E", false);

        assertThat(answer.json().path("path").asText()).isEqualTo(dir.resolve("app.py").toString());
        assertThat(answer.json().path("diff").asText()).isEqualTo("""
                --- a/app.py
                +++ b/app.py
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                """);
    }

    @Test
    void patchRefusesSeveralMatchesWithoutReplaceAllAndSaysWhereTheyAre() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x = 1\ny = 2\nx = 1\n");

        var answer = patch("f.txt", "x = 1", "x = 9", false);

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("Found 2 matches").contains("replace_all=true")
                .contains("line 1: x = 1").contains("line 3: x = 1");
        assertThat(file).hasContent("x = 1\ny = 2\nx = 1\n");
    }

    @Test
    void patchWithReplaceAllChangesEveryMatch() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x = 1\ny = 2\nx = 1\n");

        var answer = patch("f.txt", "x = 1", "x = 9", true);

        assertThat(answer.json().path("replacements").asInt()).isEqualTo(2);
        assertThat(answer.json().path("strategy").asText()).isEqualTo("exact");
        assertThat(file).hasContent("x = 9\ny = 2\nx = 9\n");
    }

    @Test
    void patchRefusesReplaceAllOverBlocksThatOnlyResembleOldString() throws Exception {
        String block = "begin\n    step(%d)\nend\n";
        Path file = Files.writeString(dir.resolve("f.txt"), block.formatted(1) + block.formatted(2));

        var answer = patch("f.txt", "begin\n    step(3)\nend", "begin\nend", true);

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("block_anchor").contains("precise text");
        assertThat(file).hasContent(block.formatted(1) + block.formatted(2));
    }

    @Test
    void patchWithoutAMatchShowsTheClosestPartOfTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("f.py"), "import os\n\ndef alpha():\n    return 1\n\nprint(alpha())\n");

        var answer = patch("f.py", "def omega_function(x, y):\n    compute_everything_now()", "pass", false);

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("Could not find old_string").contains("closest part")
                .contains("     3|def alpha():").contains("     4|    return 1");
        assertThat(file).hasContent("import os\n\ndef alpha():\n    return 1\n\nprint(alpha())\n");
    }

    @Test
    void patchKeepsWindowsLineEndingsInACrlfFile() throws Exception {
        Path file = Files.writeString(dir.resolve("win.txt"), "one\r\ntwo\r\nthree\r\n");

        var answer = patch("win.txt", "one\ntwo", "uno\ndos", false);

        assertThat(answer.json().path("strategy").asText()).isEqualTo("line_trimmed");
        assertThat(file).hasContent("uno\r\ndos\r\nthree\r\n");
    }

    @Test
    void patchCanDeleteTextWithAnEmptyNewString() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "keep\ndrop me\nkeep too\n");

        patch("f.txt", "drop me\n", "", false);

        assertThat(file).hasContent("keep\nkeep too\n");
    }

    @Test
    void patchRefusesEmptyAndUnchangedEdits() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "text\n");

        assertThat(patch("f.txt", "", "x", false).errorText()).contains("old_string is empty");
        assertThat(patch("f.txt", "  \n", "x", false).errorText()).contains("only whitespace");
        assertThat(patch("f.txt", "text", "text", false).errorText()).contains("identical");
    }

    @Test
    void patchOnAMissingFileSuggestsNamesAndWriteFile() throws Exception {
        Files.writeString(dir.resolve("main.py"), "x\n");

        var answer = patch("mian.py", "x", "y", false);

        assertThat(answer.errorText()).contains("did you mean: " + dir.resolve("main.py")).contains("write_file");
    }

    @Test
    void patchRefusesFilesThatAreNotUtf8() throws Exception {
        Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

        var answer = patch("latin1.txt", "caf", "bar", false);

        assertThat(answer.errorText()).contains("not valid UTF-8");
        assertThat(Files.readAllBytes(file)).containsExactly('c', 'a', 'f', 0xE9, '\n');
    }

    @Test
    void patchIsMutatingAndRejectsAnUnknownMode() throws Exception {
        var answer = call(tool, new FakeToolContext(dir), Map.of("mode", "rewrite"));

        assertThat(tool.isMutating(new ToolCall("1", "patch", "{}"))).isTrue();
        assertThat(answer.errorText()).contains("'mode' must be one of replace, patch");
    }
}
