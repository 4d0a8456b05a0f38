package hermes.plugin.tools.files.internal;

import static hermes.plugin.tools.files.internal.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.testing.FakeToolContext;

class V4aPatchTest {

    @TempDir
    Path dir;

    private final PatchTool tool = new PatchTool();

    private ToolCalls.Answer apply(String patch) throws Exception {
        return call(tool, new FakeToolContext(dir), Map.of("mode", "patch", "patch", patch));
    }

    @Test
    void aPatchUpdatesAddsDeletesAndMovesFilesInOneGo() throws Exception {
        Files.writeString(dir.resolve("app.py"), "def main():\n    print('hi')\n    return 0\n");
        Files.writeString(dir.resolve("old.txt"), "obsolete\n");
        Files.writeString(dir.resolve("a.txt"), "moving\n");

        var answer = apply("""
                *** Begin Patch
                *** Update File: app.py
                @@ def main():
                 def main():
                -    print('hi')
                +    print('hello')
                     return 0
                *** Add File: docs/notes.md
                +# Notes
                +first
                *** Delete File: old.txt
                *** Move File: a.txt -> b.txt
                *** End Patch
                """);

        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        assertThat(dir.resolve("app.py")).hasContent("def main():\n    print('hello')\n    return 0\n");
        assertThat(dir.resolve("docs/notes.md")).hasContent("# Notes\nfirst\n");
        assertThat(dir.resolve("old.txt")).doesNotExist();
        assertThat(dir.resolve("a.txt")).doesNotExist();
        assertThat(dir.resolve("b.txt")).hasContent("moving\n");
        assertThat(answer.json().path("modified").toString()).isEqualTo("[\"app.py\"]");
        assertThat(answer.json().path("created").toString()).isEqualTo("[\"docs/notes.md\"]");
        assertThat(answer.json().path("deleted").toString()).isEqualTo("[\"old.txt\"]");
        assertThat(answer.json().path("moved").toString()).isEqualTo("[\"a.txt -> b.txt\"]");
        assertThat(answer.json().path("diff").asText()).contains("--- a/app.py", "-    print('hi')",
                "+    print('hello')", "+++ b/docs/notes.md", "+# Notes");
    }

    @Test
    void aPatchWithOneFailingHunkChangesNoFileAtAll() throws Exception {
        Path first = Files.writeString(dir.resolve("one.txt"), "alpha\nbeta\n");
        Path second = Files.writeString(dir.resolve("two.txt"), "gamma\n");

        var answer = apply("""
                *** Begin Patch
                *** Update File: one.txt
                -alpha
                +ALPHA
                *** Update File: two.txt
                -this line is not in the file at all
                +x
                *** End Patch
                """);

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("no files were modified").contains("two.txt: hunk 1");
        assertThat(first).hasContent("alpha\nbeta\n");
        assertThat(second).hasContent("gamma\n");
    }

    @Test
    void aHunkThatOnlyAddsLinesGoesAfterTheLineWithItsHint() throws Exception {
        Path file = Files.writeString(dir.resolve("list.txt"), "[fruits]\napple\n[vegetables]\nleek\n");

        apply("""
                *** Begin Patch
                *** Update File: list.txt
                @@ [vegetables] @@
                +carrot
                *** End Patch
                """);

        assertThat(file).hasContent("[fruits]\napple\n[vegetables]\ncarrot\nleek\n");
    }

    @Test
    void addingAFileThatExistsIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("here.txt"), "keep\n");

        var answer = apply("*** Begin Patch\n*** Add File: here.txt\n+replaced\n*** End Patch\n");

        assertThat(answer.errorText()).contains("already exists").contains("Update File");
        assertThat(file).hasContent("keep\n");
    }

    @Test
    void textWithoutOperationsIsAParseError() throws Exception {
        assertThat(apply("*** Begin Patch\n*** End Patch\n").errorText()).startsWith("Parse error")
                .contains("Update File");
        assertThat(apply("*** Begin Patch\n*** Update File: x\n*** Move to: y\n*** End Patch").errorText())
                .contains("Move File: old -> new");
    }
}
