package hermes.plugin.tools.files.internal;

import static hermes.plugin.tools.files.internal.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ToolCall;
import hermes.testing.FakeToolContext;

/** Every search test runs on the Java searcher, and on ripgrep too when it is installed. */
class SearchFilesToolTest {

    @TempDir
    Path dir;

    @BeforeEach
    void createTree() throws Exception {
        Files.createDirectories(dir.resolve("src/util"));
        Files.writeString(dir.resolve("src/Main.java"), "class Main {\n  // TODO one\n  void run() {}\n  // TODO two\n}\n");
        Files.writeString(dir.resolve("src/util/Helper.java"), "// TODO helper\nclass Helper {}\n");
        Files.writeString(dir.resolve("README.md"), "TODO docs\n");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "TODO in git\n");
        Files.createDirectories(dir.resolve("node_modules/lib"));
        Files.writeString(dir.resolve("node_modules/lib/index.js"), "TODO in node_modules\n");
        Files.write(dir.resolve("image.bin"), "TODO\0binary".getBytes());
    }

    static Stream<Named<Supplier<Searcher>>> searchers() {
        List<Named<Supplier<Searcher>>> searchers = new ArrayList<>();
        searchers.add(Named.of("java", JavaSearcher::new));
        RipgrepSearcher.locate().ifPresent(rg -> searchers.add(Named.of("ripgrep", () -> new RipgrepSearcher(rg))));
        return searchers.stream();
    }

    private JsonNode search(Supplier<Searcher> searcher, Object... keysAndValues) throws Exception {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        var answer = call(new SearchFilesTool(searcher), new FakeToolContext(dir), arguments);
        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        return answer.json();
    }

    private static List<String> matchLocations(JsonNode result) {
        List<String> locations = new ArrayList<>();
        result.path("matches").forEach(match -> locations.add(match.path("path").asText() + ":"
                + match.path("line").asInt() + (match.path("context").asBoolean() ? " (context)" : "")));
        return locations;
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void contentSearchListsMatchingLinesInWalkOrderAndSkipsGitNodeModulesAndBinaries(Supplier<Searcher> searcher)
            throws Exception {
        JsonNode result = search(searcher, "pattern", "TODO");

        assertThat(matchLocations(result)).containsExactly(
                "README.md:1", "src/Main.java:2", "src/Main.java:4", "src/util/Helper.java:1");
        assertThat(result.path("matches").get(1).path("text").asText()).isEqualTo("  // TODO one");
        assertThat(result.path("total").asInt()).isEqualTo(4);
        assertThat(result.path("truncated").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void contentSearchPagesWithLimitAndOffset(Supplier<Searcher> searcher) throws Exception {
        JsonNode result = search(searcher, "pattern", "TODO", "limit", 2, "offset", 1);

        assertThat(matchLocations(result)).containsExactly("src/Main.java:2", "src/Main.java:4");
        assertThat(result.path("total").asInt()).isEqualTo(4);
        assertThat(result.path("truncated").asBoolean()).isTrue();
        assertThat(result.path("hint").asText()).contains("offset=3");
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void contentSearchShowsContextLinesAroundMatches(Supplier<Searcher> searcher) throws Exception {
        JsonNode result = search(searcher, "pattern", "void run", "context", 1);

        assertThat(matchLocations(result)).containsExactly(
                "src/Main.java:2 (context)", "src/Main.java:3", "src/Main.java:4 (context)");
        assertThat(result.path("total").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void fileGlobNarrowsTheFilesSearched(Supplier<Searcher> searcher) throws Exception {
        JsonNode byName = search(searcher, "pattern", "TODO", "file_glob", "*.java");
        JsonNode byPath = search(searcher, "pattern", "TODO", "file_glob", "src/util/*.java");

        assertThat(matchLocations(byName)).containsExactly(
                "src/Main.java:2", "src/Main.java:4", "src/util/Helper.java:1");
        assertThat(matchLocations(byPath)).containsExactly("src/util/Helper.java:1");
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void filesOnlyModeListsTheFilesThatMatch(Supplier<Searcher> searcher) throws Exception {
        JsonNode result = search(searcher, "pattern", "TODO (one|helper)", "output_mode", "files_only");

        assertThat(result.path("files").toString()).isEqualTo("[\"src/Main.java\",\"src/util/Helper.java\"]");
        assertThat(result.path("total").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void countModeGivesMatchingLinesPerFile(Supplier<Searcher> searcher) throws Exception {
        JsonNode result = search(searcher, "pattern", "TODO", "output_mode", "count");

        assertThat(result.path("counts").toString()).isEqualTo("[{\"path\":\"README.md\",\"count\":1},"
                + "{\"path\":\"src/Main.java\",\"count\":2},{\"path\":\"src/util/Helper.java\",\"count\":1}]");
        assertThat(result.path("total").asInt()).isEqualTo(4);
        assertThat(result.path("total_files").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void filesTargetFindsFilesByNameGlobOrByAPlainWord(Supplier<Searcher> searcher) throws Exception {
        JsonNode java = search(searcher, "pattern", "*.java", "target", "files");
        JsonNode word = search(searcher, "pattern", "Help", "target", "files");
        JsonNode paged = search(searcher, "pattern", "*", "target", "files", "limit", 1, "offset", 1);

        assertThat(java.path("files").toString()).isEqualTo("[\"src/Main.java\",\"src/util/Helper.java\"]");
        assertThat(java.path("total").asInt()).isEqualTo(2);
        assertThat(word.path("files").toString()).isEqualTo("[\"src/util/Helper.java\"]");
        assertThat(paged.path("files").toString()).isEqualTo("[\"image.bin\"]");
        assertThat(paged.path("total").asInt()).isEqualTo(4);
        assertThat(paged.path("truncated").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void aSingleFileCanBeSearched(Supplier<Searcher> searcher) throws Exception {
        JsonNode result = search(searcher, "pattern", "TODO \\w+", "path", "src/Main.java");

        assertThat(matchLocations(result)).containsExactly("src/Main.java:2", "src/Main.java:4");
    }

    @ParameterizedTest
    @MethodSource("searchers")
    void anInvalidRegularExpressionIsAnError(Supplier<Searcher> searcher) throws Exception {
        var answer = call(new SearchFilesTool(searcher), new FakeToolContext(dir), Map.of("pattern", "TODO("));

        assertThat(answer.error()).isTrue();
        assertThat(answer.errorText()).contains("not a valid regular expression");
    }

    @Test
    void aMissingPathIsAnErrorWithSuggestions() throws Exception {
        var answer = call(new SearchFilesTool(JavaSearcher::new), new FakeToolContext(dir),
                Map.of("pattern", "x", "path", "scr"));

        assertThat(answer.errorText()).contains("path not found: scr").contains(dir.resolve("src").toString());
    }

    @Test
    void ripgrepAndTheJavaSearchGiveTheSameResults() throws Exception {
        var rg = RipgrepSearcher.locate();
        assumeTrue(rg.isPresent(), "rg is not installed");
        Supplier<Searcher> java = JavaSearcher::new;
        Supplier<Searcher> ripgrep = () -> new RipgrepSearcher(rg.get());

        for (Object[] arguments : List.of(
                new Object[] {"pattern", "TODO", "context", 2},
                new Object[] {"pattern", "class", "output_mode", "count"},
                new Object[] {"pattern", "*", "target", "files"})) {
            assertThat(search(ripgrep, arguments)).isEqualTo(search(java, arguments));
        }
    }

    @Test
    void searchIsNotMutating() {
        assertThat(new SearchFilesTool().isMutating(new ToolCall("1", "search_files", "{}"))).isFalse();
    }
}
