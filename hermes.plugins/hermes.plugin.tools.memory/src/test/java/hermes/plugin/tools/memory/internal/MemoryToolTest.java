package hermes.plugin.tools.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.MemoryStore.Target;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

class MemoryToolTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REPO = "Repo uses Java 21 and Maven; run ./mvnw verify before pushing.";
    private static final String STAGING = "Staging DB is Postgres 16 on port 5433.";

    @TempDir
    Path home;
    private FakeToolContext context;
    private MemoryTool tool;

    @BeforeEach
    void setUp() throws IOException {
        FileMemoryStoreTest.copyFixtures(home);
        context = new FakeToolContext(home);
        tool = new MemoryTool(new FileMemoryStore(home, MemoryLimits.DEFAULTS));
    }

    @Test
    void addAppendsTheEntryAndAnswersWithEntriesAndUsage() throws Exception {
        ToolResult result = call("""
                {"action":"add","target":"memory","content":"  Deploys go through Argo CD.\\n"}""");

        assertThat(result.error()).isFalse();
        assertJson(result, """
                {"success":true,"target":"memory","entries":["%s","%s","Deploys go through Argo CD."],
                 "usage":"6%% — 134/2,200 chars","entry_count":3,"message":"Entry added."}""".formatted(REPO, STAGING));
        assertThat(memoryFile()).isEqualTo(REPO + "\n§\n" + STAGING + "\n§\nDeploys go through Argo CD.");
    }

    @Test
    void addOfAnExactDuplicateSucceedsWithoutWritingIt() throws Exception {
        ToolResult result = call("""
                {"action":"add","target":"user","content":"User is Ada; likes terse answers; works UTC+1."}""");

        assertJson(result, """
                {"success":true,"target":"user","entries":["User is Ada; likes terse answers; works UTC+1."],
                 "usage":"3% — 46/1,375 chars","entry_count":1,"message":"Entry already exists (no duplicate added)."}""");
        assertThat(home.resolve("memories/USER.md"))
                .hasSameBinaryContentAs(FileMemoryStoreTest.FIXTURES.resolve("USER.md"));
    }

    @Test
    void addOverTheLimitFailsWithTheCurrentEntriesAndUsage() throws Exception {
        context.with(MemoryLimits.MEMORY_KEY, 120L);

        ToolResult result = call("""
                {"action":"add","target":"memory","content":"Twenty chars exactly"}""");

        assertThat(result.error()).isTrue();
        assertJson(result, """
                {"success":false,
                 "error":"Memory at 104/120 chars. Adding this entry (20 chars) would exceed the limit. Consolidate \
                now: 'replace' overlapping entries with one shorter entry or 'remove' stale ones (see current_entries), \
                then retry this add.",
                 "current_entries":["%s","%s"],"usage":"104/120"}""".formatted(REPO, STAGING));
        assertThat(home.resolve("memories/MEMORY.md"))
                .hasSameBinaryContentAs(FileMemoryStoreTest.FIXTURES.resolve("MEMORY.md"));
    }

    @Test
    void limitsCountCharactersNotBytes() throws Exception {
        context.with(MemoryLimits.USER_KEY, 52L);

        // 46 + 3 (delimiter) + 3 = 52: fits only when "né" and "§" count as one character each
        assertThat(call("""
                {"action":"add","target":"user","content":"né§"}""").error()).isFalse();
    }

    @Test
    void replaceSwapsTheOneEntryContainingTheText() throws Exception {
        ToolResult result = call("""
                {"action":"replace","target":"memory","old_text":"port 5433",
                 "content":"Staging DB is Postgres 17 on port 5433."}""");

        assertJson(result, """
                {"success":true,"target":"memory","entries":["%s","Staging DB is Postgres 17 on port 5433."],
                 "usage":"4%% — 104/2,200 chars","entry_count":2,"message":"Entry replaced."}""".formatted(REPO));
    }

    @Test
    void replaceOverTheLimitFailsWithTheCurrentEntriesAndUsage() throws Exception {
        context.with(MemoryLimits.MEMORY_KEY, 110L);

        ToolResult result = call("""
                {"action":"replace","target":"memory","old_text":"Staging",
                 "content":"Staging DB is Postgres 16 on port 5433, user hermes, database app."}""");

        assertJson(result, """
                {"success":false,
                 "error":"Replacement would put memory at 131/110 chars. Shorten the new content, or 'remove' other \
                stale entries to make room (see current_entries), then retry.",
                 "current_entries":["%s","%s"],"usage":"104/110"}""".formatted(REPO, STAGING));
    }

    @Test
    void replaceWithTextInSeveralEntriesFailsWithPreviewsAndTheCurrentEntries() throws Exception {
        String longEntry = "A long note that goes on and on about the build, the deploy and the tests of the project.";
        call("{\"action\":\"add\",\"target\":\"memory\",\"content\":\"" + longEntry + "\"}");

        ToolResult result = call("""
                {"action":"replace","target":"memory","old_text":" on ","content":"x"}""");

        assertThat(result.error()).isTrue();
        assertJson(result, """
                {"success":false,
                 "error":"Multiple entries matched 'on'. Be more specific: pass a part of old_text that only one of \
                them contains.",
                 "matches":["%s","%s"],
                 "current_entries":["%s","%s","%s"]}"""
                .formatted(STAGING, longEntry.substring(0, 80) + "...", REPO, STAGING, longEntry));
    }

    @Test
    void replaceOrRemoveWithTextInNoEntryFailsWithTheCurrentEntries() throws Exception {
        String expected = """
                {"success":false,
                 "error":"No entry matched 'Kubernetes'. Check current_entries and retry with part of the exact text \
                of the entry you mean.",
                 "current_entries":["%s","%s"]}""".formatted(REPO, STAGING);

        assertJson(call("""
                {"action":"replace","target":"memory","old_text":"Kubernetes","content":"x"}"""), expected);
        assertJson(call("""
                {"action":"remove","target":"memory","old_text":" Kubernetes "}"""), expected);
    }

    @Test
    void removeDeletesTheOneEntryContainingTheText() throws Exception {
        ToolResult result = call("""
                {"action":"remove","target":"memory","old_text":"Postgres"}""");

        assertJson(result, """
                {"success":true,"target":"memory","entries":["%s"],
                 "usage":"2%% — 62/2,200 chars","entry_count":1,"message":"Entry removed."}""".formatted(REPO));
        assertThat(memoryFile()).isEqualTo(REPO);
    }

    @Test
    void removeWithoutOldTextShowsTheEntriesToPickFrom() throws Exception {
        assertJson(call("""
                {"action":"remove","target":"user"}"""), """
                {"success":false,
                 "error":"'remove' needs old_text, a short unique part of the entry to remove. Reissue the call with \
                old_text set to part of one of the current_entries.",
                 "current_entries":["User is Ada; likes terse answers; works UTC+1."],"usage":"46/1,375"}""");
    }

    @Test
    void malformedCallsNameTheProblemAndTheFix() throws Exception {
        assertJson(call("""
                {"action":"add","target":"soul","content":"x"}"""), """
                {"success":false,"error":"Invalid target 'soul'. Use 'memory' or 'user'."}""");
        assertJson(call("""
                {"action":"read","target":"memory"}"""), """
                {"success":false,"error":"Unknown action 'read'. Use: add, replace, remove"}""");
        assertJson(call("""
                {"action":"add","target":"memory"}"""), """
                {"success":false,"error":"Content is required for 'add' action. Pass the fact to remember as content."}""");
        assertJson(call("""
                {"action":"add","target":"memory","content":"   "}"""), """
                {"success":false,"error":"Content cannot be empty. Pass the fact to remember as content."}""");
        assertJson(call("""
                {"action":"replace","target":"memory","old_text":"Staging"}"""), """
                {"success":false,"error":"content is required for 'replace' action: pass the new text of the entry, \
                or use 'remove' to delete it."}""");
        assertJson(call("[1]"), """
                {"success":false,"error":"the arguments of memory must be a JSON object"}""");
    }

    @Test
    void aDriftedFileIsNotRewrittenAndTheResultPointsAtTheBackup() throws Exception {
        String drifted = STAGING + "\n\n\n§\n" + REPO;
        Files.writeString(home.resolve("memories/MEMORY.md"), drifted);

        ToolResult result = call("""
                {"action":"remove","target":"memory","old_text":"Staging"}""");

        Path backup;
        try (var files = Files.list(home.resolve("memories"))) {
            backup = files.filter(file -> file.getFileName().toString().startsWith("MEMORY.md.bak.")).findFirst()
                    .orElseThrow();
        }
        assertThat(backup).hasContent(drifted);
        assertThat(memoryFile()).isEqualTo(drifted);
        JsonNode expected = MAPPER.createObjectNode().put("success", false)
                .put("error", "Refusing to write MEMORY.md: the file does not round-trip through the entry format "
                        + "(likely the patch tool, a shell append, a manual edit or another session wrote to it). A "
                        + "snapshot was saved to " + backup + ". Resolve the drift first: rewrite the file as a clean "
                        + "list of entries separated by lines holding only §, or move the extra content out; then "
                        + "retry. This guard prevents silent data loss.")
                .put("drift_backup", backup.toString())
                .put("remediation", "Open the .bak file, add the missing entries back one at a time with "
                        + "memory(action=add, content=...), then rewrite or remove the original file so it is a "
                        + "clean list.");
        assertThat(MAPPER.readTree(result.content())).isEqualTo(expected);
    }

    @Test
    void concurrentWritersThroughTwoStoresOnTheSameFilesLoseNothing() throws Exception {
        context.with(MemoryLimits.MEMORY_KEY, 100_000L);
        MemoryTool other = new MemoryTool(new FileMemoryStore(home, MemoryLimits.DEFAULTS));
        List<Callable<String>> adds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (MemoryTool writer : List.of(tool, other)) {
                String entry = "entry " + i + " from " + (writer == tool ? "first" : "second");
                adds.add(() -> {
                    ToolResult result = writer.call(new ToolCall("c", "memory",
                            "{\"action\":\"add\",\"target\":\"memory\",\"content\":\"" + entry + "\"}"), context);
                    return result.error() ? "failed: " + result.content() : entry;
                });
            }
        }

        List<String> saved = new ArrayList<>(List.of(REPO, STAGING));
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<String> added : pool.invokeAll(adds)) {
                saved.add(added.get());
            }
        }

        assertThat(saved).noneMatch(outcome -> outcome.startsWith("failed: "));
        assertThat(new FileMemoryStore(home, MemoryLimits.DEFAULTS).read(Target.MEMORY))
                .containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void theToolIsTheMemoryToolsetsAndChangesNothingOutsideTheConversation() {
        assertThat(tool.spec().name()).isEqualTo("memory");
        assertThat(tool.spec().toolset()).isEqualTo("memory");
        assertThat(tool.isMutating(new ToolCall("c", "memory", "{}"))).isFalse();
    }

    private ToolResult call(String arguments) throws InterruptedException {
        return tool.call(new ToolCall("call-1", "memory", arguments), context);
    }

    private String memoryFile() throws IOException {
        return Files.readString(home.resolve("memories/MEMORY.md"));
    }

    private static void assertJson(ToolResult result, String expected) throws IOException {
        assertThat(MAPPER.readTree(result.content())).isEqualTo(MAPPER.readTree(expected));
    }
}
