package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Message;
import hermes.api.SessionStore.SessionRecord;
import hermes.api.ToolCall;
import hermes.api.Usage;

/** Titles, lineage, ending and reopening, and the counters {@code hermes sessions} shows. */
class SessionLifecycleTest {

    private static final String ROOT = "20260801_090000_aaaaaa";
    private static final String SECOND = "20260802_090000_bbbbbb";
    private static final String THIRD = "20260803_090000_cccccc";
    private static final String BRANCH = "20260804_090000_dddddd";
    private static final String OTHER = "20260805_090000_eeeeee";

    @TempDir
    Path home;

    private Path file;
    private SqliteSessionStore store;

    @BeforeEach
    void open() throws IOException {
        file = home.resolve("state.db");
        store = new SqliteSessionStore(file);
        store.create(session(ROOT, "Release checklist", null, 1));
        store.create(session(SECOND, "Release checklist #2", ROOT, 2));
        store.create(session(THIRD, "Release checklist #3", SECOND, 3));
        store.create(session(BRANCH, null, SECOND, 4));
        store.create(session(OTHER, "Flaky test hunt", null, 5));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void aTitleResolvesToTheNewestSessionOfItsLineage() throws IOException {
        assertThat(store.resolve("Release checklist")).map(SessionRecord::id).contains(THIRD);
        assertThat(store.resolve("  Flaky test hunt ")).map(SessionRecord::id).contains(OTHER);
        assertThat(store.resolve("Release checklist #2")).map(SessionRecord::id).contains(SECOND);
        assertThat(store.resolve(SECOND)).map(SessionRecord::id).contains(SECOND);
        assertThat(store.resolve("20260805")).as("a unique id prefix").map(SessionRecord::id).contains(OTHER);
        assertThat(store.resolve("2026080")).as("an ambiguous prefix").isEmpty();
        assertThat(store.resolve("Release")).isEmpty();
    }

    @Test
    void titlesAreCleanedUniqueAndAtMostAHundredCharacters() throws Exception {
        store.rename(BRANCH, "  Try\tthe \u200bother\n approach  ");
        assertThat(store.find(BRANCH).flatMap(SessionRecord::title)).contains("Try the other approach");

        assertThatThrownBy(() -> store.rename(BRANCH, "Flaky test hunt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the title 'Flaky test hunt' is already used by session " + OTHER
                        + "; choose another title or rename that session first");
        assertThatThrownBy(() -> store.rename(BRANCH, "x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long (101 characters, at most 100)");
        store.rename(BRANCH, "y".repeat(100));
        assertThatThrownBy(() -> store.rename("20990101_000000_ffffff", "Anything"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no session 20990101");

        store.rename(OTHER, "Flaky test hunt");
        store.rename(BRANCH, "   ");
        assertThat(StateFiles.column(file, "SELECT quote(title) FROM sessions WHERE id = '" + BRANCH + "'"))
                .containsExactly("NULL");
    }

    @Test
    void lineageIsTheRootAndEveryDescendantOldestFirst() throws IOException {
        List<String> whole = List.of(ROOT, SECOND, THIRD, BRANCH);
        assertThat(store.lineage(THIRD)).containsExactlyElementsOf(whole);
        assertThat(store.lineage(ROOT)).containsExactlyElementsOf(whole);
        assertThat(store.lineage(OTHER)).containsExactly(OTHER);
        assertThat(store.lineage("20990101_000000_ffffff")).isEmpty();
    }

    @Test
    void endKeepsTheFirstReasonAndAnAppendReopensTheSession() throws Exception {
        store.end(ROOT, "compression");
        store.end(ROOT, "user_exit");
        assertThat(StateFiles.column(file, "SELECT end_reason || ' ' || (ended_at > 0) FROM sessions WHERE id = '"
                + ROOT + "'")).containsExactly("compression 1");

        store.append(ROOT, List.of(Message.user("back again")));

        assertThat(StateFiles.column(file, "SELECT quote(ended_at) || ' ' || quote(end_reason) FROM sessions "
                + "WHERE id = '" + ROOT + "'")).containsExactly("NULL NULL");
    }

    @Test
    void usageAndCountersAddUpAsTheOriginalKeepsThem() throws Exception {
        store.addUsage(OTHER, new Usage(1200, 300, 1000, 200, 50), 1);
        store.addUsage(OTHER, new Usage(800, 100, 700, 0, 0), 2);
        store.append(OTHER, List.of(Message.user("run the tests"),
                new Message(Message.Role.ASSISTANT, List.of(), List.of(new ToolCall("c1", "terminal", "{}"),
                        new ToolCall("c2", "read_file", "{}")), Optional.empty(), Optional.empty(), Optional.empty())));
        store.append(OTHER, List.of(Message.toolResult("c1", "ok"), Message.toolResult("c2", "text")));

        assertThat(StateFiles.column(file, "SELECT input_tokens || ' ' || output_tokens || ' ' || cache_read_tokens "
                + "|| ' ' || cache_write_tokens || ' ' || reasoning_tokens || ' ' || api_call_count || ' ' || "
                + "message_count || ' ' || tool_call_count FROM sessions WHERE id = '" + OTHER + "'"))
                .containsExactly("2000 400 1700 200 50 3 4 2");
        assertThat(StateFiles.column(file, "SELECT tool_name FROM messages WHERE role = 'tool' ORDER BY id"))
                .containsExactly("terminal", "read_file");
    }

    private static SessionRecord session(String id, String title, String parent, int day) {
        return new SessionRecord(id, "cli", "openrouter/qwen3-coder", Optional.ofNullable(title),
                Optional.ofNullable(parent), Instant.parse("2026-08-0" + day + "T09:00:00Z"));
    }
}
