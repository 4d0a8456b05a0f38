package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Session;

/** {@code /sessions}: list, show, export, rename, delete and prune against a real {@code state.db}. */
class SessionsCommandTest {

    private static final String OLD = "20260101_090000_aaaaaa";
    private static final String CONTINUED = "20260102_090000_bbbbbb";
    private static final String RECENT = "20260810_090000_cccccc";

    @TempDir
    Path home;

    private History history;
    private SessionsCommand command;
    private final List<String> replies = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        history = new History(home);
        command = new SessionsCommand(history.store);
        history.session(OLD, "cli", "Release checklist", null, -212, "How do we cut 2.4?", "Tag, build, publish.");
        history.store.end(OLD, "compression");
        history.session(CONTINUED, "cli", "Release checklist #2", OLD, -211, "[summary] release", "Published.");
        history.store.end(CONTINUED, "user_exit");
        history.session(RECENT, "telegram", null, null, 9, "remind me about the dentist", "Noted.");
    }

    @AfterEach
    void close() throws IOException {
        history.store.close();
    }

    @Test
    void listShowsNewestFirstWithContinuationsUnderTheirParent() throws Exception {
        String table = run("");

        List<String> lines = table.lines().toList();
        assertThat(lines.getFirst()).startsWith("ID").contains("TITLE", "SOURCE", "MODEL", "MSGS", "STARTED",
                "LAST ACTIVE");
        assertThat(lines.get(1)).startsWith(RECENT).contains("—", "telegram", "test/model", "2026-08-1");
        assertThat(lines.get(2)).startsWith(OLD).contains("Release checklist ", "cli");
        assertThat(lines.get(3)).startsWith("└ " + CONTINUED).contains("Release checklist #2");
        assertThat(lines.getLast()).isEqualTo("3 sessions");
        assertThat(run("list --limit 1").lines().toList()).hasSize(3).last().isEqualTo("1 session");
        assertThat(run("list --source cli")).doesNotContain(RECENT).contains(OLD, CONTINUED);
        assertThat(run("list --source=discord")).isEqualTo("No sessions from source discord.");
    }

    @Test
    void showPrintsTheMetadataLineageAndTranscript() throws Exception {
        history.toolTurn(CONTINUED, "c1", "v2.4 published");
        history.store.end(CONTINUED, "user_exit");

        String shown = run("show \"Release checklist\"");

        assertThat(shown).isEqualTo("""
                Session %s  "Release checklist #2"
                  source cli · model test/model
                  started %s · ended %s (user_exit)
                  messages 4 · tool calls 1 · API calls 0
                  tokens in 0 · out 0 · cache read 0 · cache write 0 · reasoning 0
                  lineage %s → %s (this)

                [user] [summary] release
                [assistant] Published.
                [assistant]\s
                  → terminal {"command":"ls"}
                [tool terminal] v2.4 published""".formatted(CONTINUED, time(CONTINUED, "started_at"),
                time(CONTINUED, "ended_at"), OLD, CONTINUED));
    }

    @Test
    void exportWritesOneJsonLinePerSessionToTheReplyOrAtomicallyToAFile() throws Exception {
        JsonNode single = new ObjectMapper().readTree(run("export " + RECENT));
        assertThat(single.path("id").asText()).isEqualTo(RECENT);
        assertThat(single.path("source").asText()).isEqualTo("telegram");
        assertThat(History.each(single.path("messages"), "content"))
                .containsExactly("remind me about the dentist", "Noted.");
        assertThat(single.path("messages").get(0).path("active").asInt()).isEqualTo(1);
        assertThat(single.path("started_at").isBigDecimal() || single.path("started_at").isDouble()).isTrue();

        Path file = home.resolve("backup").resolve("all.jsonl");
        assertThat(run("export all " + file)).isEqualTo("Exported 3 sessions (6 messages) to " + file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(line -> new ObjectMapper().readTree(line).path("id").asText())
                .containsExactly(OLD, CONTINUED, RECENT);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void renameSetsATitleAndRefusesOneInUse() throws Exception {
        assertThat(run("rename " + RECENT + " Dentist reminders")).isEqualTo("Session " + RECENT
                + " is now \"Dentist reminders\".");
        assertThat(history.store.resolve("Dentist reminders")).map(record -> record.id()).contains(RECENT);

        assertThatThrownBy(() -> run("rename " + RECENT + " Release checklist"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the title 'Release checklist' is already "
                        + "used by session " + OLD + "; choose another title or rename that session first");
    }

    @Test
    void deleteSaysWhatItWouldTakeThenDeletesAndDetachesTheContinuation() throws Exception {
        assertThat(run("delete " + OLD)).isEqualTo("Would delete session " + OLD + " \"Release checklist\" "
                + "(2 messages); " + CONTINUED + " continues it and stays, without a parent. Run `sessions delete "
                + OLD + " --yes` to delete it.");
        assertThat(history.store.find(OLD)).isPresent();

        assertThat(run("delete " + OLD + " --yes")).startsWith("Deleted session " + OLD);

        assertThat(history.store.find(OLD)).isEmpty();
        assertThat(history.store.find(CONTINUED).flatMap(record -> record.parentId())).isEmpty();
        assertThat(history.store.search("cut", 10)).isEmpty();
        assertThat(StateFiles.column(history.file, "SELECT count(*) FROM messages_fts")).containsExactly("4");
        assertThat(StateFiles.column(history.file, "SELECT count(*) FROM messages_fts_trigram"))
                .containsExactly("4");
    }

    @Test
    void pruneDeletesOnlyEndedSessionsOlderThanTheDaysAfterConfirmation() throws Exception {
        assertThat(run("prune --older-than 30")).isEqualTo("Would delete 2 ended sessions older than 30 days "
                + "(4 messages). Run `sessions prune --older-than 30 --yes` to delete them.");
        assertThat(run("prune --older-than 30 --source telegram")).isEqualTo(
                "No ended sessions older than 30 days from telegram.");

        assertThat(run("prune --older-than 30 --yes")).isEqualTo("Deleted 2 ended sessions older than 30 days "
                + "(4 messages).");

        assertThat(history.store.recent(10)).extracting(record -> record.id()).containsExactly(RECENT);
    }

    @Test
    void mistakesNameTheProblemAndTheFix() {
        assertThatThrownBy(() -> run("archive x")).hasMessageStartingWith("unknown action 'archive'; usage: sessions ");
        assertThatThrownBy(() -> run("show nothing-like-this")).hasMessage("no session has the id or title "
                + "'nothing-like-this'; `sessions list` shows ids and titles");
        assertThatThrownBy(() -> run("prune")).hasMessageStartingWith("prune needs --older-than DAYS");
        assertThatThrownBy(() -> run("list --limit zero")).hasMessageStartingWith(
                "--limit must be a whole number of at least 1, not 'zero'");
        assertThatThrownBy(() -> run("list --all")).hasMessageStartingWith("unknown option --all; usage: ");
        assertThatThrownBy(() -> run("show \"Release")).hasMessageStartingWith("a quote is not closed");
        assertThatThrownBy(() -> runIn(RECENT, "delete " + RECENT + " --yes"))
                .hasMessage("session " + RECENT + " is the one open here; start another session (/new) and delete "
                        + "it from there");
    }

    private String run(String arguments) throws Exception {
        return runIn(null, arguments);
    }

    private String runIn(String current, String arguments) throws Exception {
        replies.clear();
        command.run(arguments, new Command.Context() {
            @Override
            public Optional<Session> session() {
                return Optional.ofNullable(current).map(SessionsCommandTest::sessionWithId);
            }

            @Override
            public Caller caller() {
                return Caller.localUser();
            }

            @Override
            public void reply(String text) {
                replies.add(text);
            }
        });
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private String time(String sessionId, String column) throws Exception {
        double seconds = Double.parseDouble(StateFiles.column(history.file, "SELECT " + column
                + " FROM sessions WHERE id = '" + sessionId + "'").getFirst());
        return SessionText.time(seconds);
    }

    /** Only the id is read from the session a command runs in. */
    private static Session sessionWithId(String id) {
        return (Session) java.lang.reflect.Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("id")) {
                        return id;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
