package hermes.plugin.tools.files.internal;

import static hermes.plugin.tools.files.internal.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ToolCall;
import hermes.testing.FakeToolContext;

class ReadFileToolTest {

    @TempDir
    Path dir;

    private final ReadFileTool tool = new ReadFileTool();

    private Path fileWithLines(String name, int count) throws Exception {
        String text = IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n"));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readFileNumbersLinesRightAlignedToSixColumnsWithAPipe() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "alpha\n  beta\n\ngamma");

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "a.txt"));

        assertThat(answer.error()).isFalse();
        assertThat(answer.json().path("content").asText())
                .isEqualTo("     1|alpha\n     2|  beta\n     3|\n     4|gamma");
        assertThat(answer.json().path("total_lines").asInt()).isEqualTo(4);
        assertThat(answer.json().path("offset").asInt()).isEqualTo(1);
        assertThat(answer.json().path("lines_returned").asInt()).isEqualTo(4);
        assertThat(answer.json().path("truncated").asBoolean()).isFalse();
        assertThat(answer.json().has("hint")).isFalse();
    }

    @Test
    void readFilePagesWithOffsetAndLimitAndSaysWhereTheNextPageStarts() throws Exception {
        fileWithLines("long.txt", 1200);
        var context = new FakeToolContext(dir);

        var first = call(tool, context, Map.of("path", "long.txt"));
        assertThat(first.json().path("lines_returned").asInt()).isEqualTo(ReadFileTool.DEFAULT_LIMIT);
        assertThat(first.json().path("truncated").asBoolean()).isTrue();
        assertThat(first.json().path("hint").asText()).contains("offset=501").contains("of 1200");

        var second = call(tool, context, Map.of("path", "long.txt", "offset", 1199, "limit", 10));
        assertThat(second.json().path("content").asText()).isEqualTo("  1199|line 1199\n  1200|line 1200");
        assertThat(second.json().path("lines_returned").asInt()).isEqualTo(2);
        assertThat(second.json().path("truncated").asBoolean()).isFalse();
    }

    @Test
    void readFileNeverReturnsMoreThanTwoThousandLines() throws Exception {
        fileWithLines("huge.txt", 2500);

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "huge.txt", "limit", 5000));

        assertThat(answer.json().path("lines_returned").asInt()).isEqualTo(ReadFileTool.MAX_LIMIT);
        assertThat(answer.json().path("hint").asText()).contains("offset=2001");
    }

    @Test
    void readFileRefusesAnOffsetPastTheEnd() throws Exception {
        fileWithLines("short.txt", 3);

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "short.txt", "offset", 10));

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("past the end").contains("3 lines");
    }

    @Test
    void readFileStopsAtTheConfiguredCharacterCapAndPointsToTheRest() throws Exception {
        fileWithLines("many.txt", 100);
        var context = new FakeToolContext(dir).with(ReadFileTool.MAX_CHARS_KEY, 100L);

        var answer = call(tool, context, Map.of("path", "many.txt"));

        // "     1|line 1" is 13 characters; with line breaks, seven lines fit in 100.
        assertThat(answer.json().path("content").asText().length()).isLessThanOrEqualTo(100);
        assertThat(answer.json().path("lines_returned").asInt()).isEqualTo(7);
        assertThat(answer.json().path("truncated").asBoolean()).isTrue();
        assertThat(answer.json().path("hint").asText()).contains("offset=8").contains("100 characters");
    }

    @Test
    void readFileCutsVeryLongLines() throws Exception {
        Files.writeString(dir.resolve("wide.txt"), "x".repeat(5000) + "\nnext\n");

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "wide.txt"));

        String first = answer.json().path("content").asText().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("     1|" + "x".repeat(ReadFileTool.MAX_LINE_CHARS) + " ...")
                .contains("5000 characters")
                .doesNotContain("x".repeat(ReadFileTool.MAX_LINE_CHARS + 1));
        assertThat(answer.json().path("total_lines").asInt()).isEqualTo(2);
    }

    @Test
    void readFileRefusesBinaryFiles() throws Exception {
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "image.png"));

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("binary");
    }

    @Test
    void readFileSuggestsSimilarNamesWhenTheFileIsMissing() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        Files.writeString(dir.resolve("unrelated.bin"), "zzz");

        var typo = call(tool, new FakeToolContext(dir), Map.of("path", "config.yml"));
        var wrongCase = call(tool, new FakeToolContext(dir), Map.of("path", "readme.md"));

        assertThat(typo.error()).isTrue();
        assertThat(typo.errorText()).contains("file not found: config.yml")
                .contains("did you mean: " + dir.resolve("config.yaml")).doesNotContain("unrelated");
        assertThat(wrongCase.errorText()).contains(dir.resolve("README.md").toString());
    }

    @Test
    void readFileSuggestsAtMostFiveNames() throws Exception {
        for (int i = 0; i < 8; i++) {
            Files.writeString(dir.resolve("notes" + i + ".txt"), "");
        }

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "notes.txt"));

        assertThat(answer.errorText().split("notes\\d\\.txt", -1)).hasSize(SimilarNames.MAX_SUGGESTIONS + 1);
    }

    @Test
    void readFileOnADirectoryPointsToSearchFiles() throws Exception {
        Files.createDirectory(dir.resolve("src"));

        var answer = call(tool, new FakeToolContext(dir), Map.of("path", "src"));

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("is a directory").contains("search_files");
    }

    @Test
    void readFileResolvesAbsolutePathsAsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("abs.txt"), "absolute\n");

        var answer = call(tool, new FakeToolContext(Path.of("/")), Map.of("path", file.toString()));

        assertThat(answer.json().path("content").asText()).isEqualTo("     1|absolute");
    }

    @Test
    void readFileIsNotMutatingAndNeedsAPath() throws Exception {
        var answer = call(tool, new FakeToolContext(dir), Map.of());

        assertThat(tool.isMutating(new ToolCall("1", "read_file", "{}"))).isFalse();
        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("'path'");
    }
}
