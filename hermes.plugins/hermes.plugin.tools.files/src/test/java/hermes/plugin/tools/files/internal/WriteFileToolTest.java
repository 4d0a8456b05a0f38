package hermes.plugin.tools.files.internal;

import static hermes.plugin.tools.files.internal.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ToolCall;
import hermes.testing.FakeToolContext;

class WriteFileToolTest {

    @TempDir
    Path dir;

    private final WriteFileTool tool = new WriteFileTool();

    @Test
    void writeFileCreatesMissingParentDirectoriesAndReportsTheWrite() throws Exception {
        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "a/b/c.txt", "content", "héllo\n"));

        Path written = dir.resolve("a/b/c.txt");
        assertThat(answer.error()).isFalse();
        assertThat(written).hasContent("héllo\n");
        assertThat(answer.json().path("path").asText()).isEqualTo(written.toString());
        assertThat(answer.json().path("bytes_written").asInt()).isEqualTo(7);
        assertThat(answer.json().path("created").asBoolean()).isTrue();
    }

    @Test
    void writeFileReplacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "old content that is longer\n");

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "x.txt", "content", "new\n"));

        assertThat(file).hasContent("new\n");
        assertThat(answer.json().path("created").asBoolean()).isFalse();
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void writeFileKeepsThePermissionsOfTheFileItReplaces() throws Exception {
        Path script = Files.writeString(dir.resolve("run.sh"), "echo old\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));

        call(tool, new FakeToolContext(dir), Map.of("path", "run.sh", "content", "echo new\n"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x---");
    }

    @Test
    void writeFileWritesThroughASymbolicLinkAndKeepsTheLink() throws Exception {
        Path target = Files.writeString(dir.resolve("real.txt"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);

        call(tool, new FakeToolContext(dir), Map.of("path", "link.txt", "content", "new\n"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new\n");
    }

    @Test
    void writeFileRefusesADirectory() throws Exception {
        Files.createDirectory(dir.resolve("folder"));

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "folder", "content", "x"));

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("is a directory");
    }

    @Test
    void writeFileIsMutatingAndNeedsContent() throws Exception {
        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "x.txt"));

        assertThat(tool.isMutating(new ToolCall("1", "write_file", "{}"))).isTrue();
        assertThat(answer.errorText()).contains("'content'");
        assertThat(dir.resolve("x.txt")).doesNotExist();
    }
}
