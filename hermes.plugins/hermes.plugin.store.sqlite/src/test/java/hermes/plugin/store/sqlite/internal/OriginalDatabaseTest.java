package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Message;
import hermes.api.SessionStore.SearchHit;
import hermes.api.SessionStore.SessionRecord;
import hermes.api.ToolCall;

/** Compatibility with a {@code state.db} the original Hermes wrote, and with the original reading ours. */
class OriginalDatabaseTest {

    @TempDir
    Path home;

    @Test
    void aFreshDatabaseHasExactlyTheOriginalsSchemaAndVersion() throws Exception {
        Path fresh = home.resolve("fresh").resolve("state.db");
        new SqliteSessionStore(fresh).close();

        Path original = StateFiles.copyOfFixture(home);
        assertThat(StateFiles.schemaOf(fresh)).containsExactlyElementsOf(StateFiles.schemaOf(original));
        assertThat(StateFiles.column(fresh, "SELECT version FROM schema_version")).containsExactly("16");
        assertThat(StateFiles.column(fresh, "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void theOriginalsSessionsAreListedWithTitlesAndLineage() throws Exception {
        Path copy = StateFiles.copyOfFixture(home);
        List<String> schemaBefore = StateFiles.schemaOf(copy);

        try (SqliteSessionStore store = new SqliteSessionStore(copy)) {
            assertThat(store.recent(10)).extracting(SessionRecord::id, SessionRecord::source, SessionRecord::title,
                    SessionRecord::parentId).containsExactly(
                    tuple("20260503_070000_444ddd", "telegram", Optional.empty(), Optional.empty()),
                    tuple("20260502_201000_333ccc", "cli", Optional.empty(), Optional.of("20260502_190500_222bbb")),
                    tuple("20260502_190500_222bbb", "cli", Optional.of("Flaky test hunt"), Optional.empty()),
                    tuple("20260501_080000_111aaa", "cli", Optional.of("Release checklist"), Optional.empty()));
            assertThat(store.find("20260501_080000_111aaa")).get().extracting(SessionRecord::model)
                    .isEqualTo("openrouter/qwen3-coder");
        }
        assertThat(StateFiles.schemaOf(copy)).isEqualTo(schemaBefore);
    }

    @Test
    void theOriginalsMessagesReadBackWithToolCallsAndResults() throws IOException {
        try (SqliteSessionStore store = new SqliteSessionStore(StateFiles.copyOfFixture(home))) {
            assertThat(store.messages("20260502_190500_222bbb")).containsExactly(
                    Message.user("The OrderServiceIT test fails one run in ten"),
                    new Message(Message.Role.ASSISTANT, List.of(new hermes.api.ContentPart.Text(
                            "Let me look at the logs.")),
                            List.of(new ToolCall("call_1", "terminal", "{\"command\":\"grep -n TIMEOUT build.log\"}")),
                            Optional.empty(), Optional.empty(), Optional.empty()),
                    Message.toolResult("call_1", "build.log:88: TIMEOUT waiting for port 5432"),
                    Message.assistant("The database container starts late; add a readiness wait."));
        }
    }

    @Test
    void searchFindsAnEnglishWordAndTheJapaneseNoteThroughTrigrams() throws IOException {
        try (SqliteSessionStore store = new SqliteSessionStore(StateFiles.copyOfFixture(home))) {
            assertThat(store.search("readiness", 10)).extracting(SearchHit::sessionId, SearchHit::messageIndex)
                    .containsExactlyInAnyOrder(tuple("20260502_190500_222bbb", 3), tuple("20260502_201000_333ccc", 0));
            assertThat(store.search("OrderServiceIT", 10)).hasSize(2);

            assertThat(store.search("会議は木曜日", 10))
                    .containsExactly(new SearchHit("20260503_070000_444ddd", 0, "日本語のメモ: >>>会議は木曜日<<<  "));
            // two characters are shorter than a trigram: the original falls back to a substring scan
            assertThat(store.search("了解", 10)).extracting(SearchHit::sessionId, SearchHit::messageIndex)
                    .containsExactly(tuple("20260503_070000_444ddd", 1));
        }
    }

    @Test
    void afterWeAppendThePythonSqliteModuleStillReadsItWithTheSameSchema() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed");
        Path copy = StateFiles.copyOfFixture(home);
        List<String> schemaBefore = StateFiles.schemaOf(copy);
        try (SqliteSessionStore store = new SqliteSessionStore(copy)) {
            store.create(new SessionRecord("20260811_120000_abcdef", "cli", "anthropic/claude",
                    Optional.of("Java was here"), Optional.of("20260503_070000_444ddd"),
                    java.time.Instant.parse("2026-08-11T12:00:00Z")));
            store.append("20260811_120000_abcdef", List.of(Message.user("hello from the JVM port"),
                    Message.assistant("Hallo zurück — 你好")));
        }

        String script = """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1])
                print(c.execute("PRAGMA integrity_check").fetchone()[0])
                print(c.execute("SELECT version FROM schema_version").fetchone()[0])
                for row in c.execute("SELECT role, content FROM messages WHERE session_id = ? ORDER BY timestamp",
                                     ("20260811_120000_abcdef",)):
                    print(row[0] + ": " + row[1])
                print(c.execute("SELECT title, parent_session_id, message_count FROM sessions WHERE id = ?",
                                ("20260811_120000_abcdef",)).fetchone())
                print(c.execute("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'JVM'").fetchone()[0])
                c.execute("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, 'user', ?, 1.0)",
                          ("20260811_120000_abcdef", "written by python"))
                c.commit()
                """;
        Process python = new ProcessBuilder("python3", "-c", script, copy.toString()).redirectErrorStream(true)
                .start();
        String output = new String(python.getInputStream().readAllBytes());

        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output.lines()).containsExactly("ok", "16", "user: hello from the JVM port",
                "assistant: Hallo zurück — 你好", "('Java was here', '20260503_070000_444ddd', 2)", "1");
        assertThat(StateFiles.schemaOf(copy)).isEqualTo(schemaBefore);
        try (SqliteSessionStore store = new SqliteSessionStore(copy)) {
            assertThat(store.messages("20260811_120000_abcdef")).last().isEqualTo(Message.user("written by python"));
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static boolean python3Available() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
