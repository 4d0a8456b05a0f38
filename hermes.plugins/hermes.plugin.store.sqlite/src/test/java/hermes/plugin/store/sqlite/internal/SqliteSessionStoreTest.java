package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.SessionStore.SearchHit;
import hermes.api.SessionStore.SessionRecord;
import hermes.api.ToolCall;

class SqliteSessionStoreTest {

    private static final String SESSION = "20260811_074725_7f4a5c";

    @TempDir
    Path home;

    private Path file;
    private SqliteSessionStore store;

    @BeforeEach
    void open() throws IOException {
        file = home.resolve("state.db");
        store = new SqliteSessionStore(file);
        store.create(session(SESSION, Optional.empty()));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void everyMessageShapeReadsBackAsItWasAppended() throws IOException {
        List<Message> turn = List.of(
                Message.system("You are Hermes."),
                new Message(Message.Role.USER, List.of(new ContentPart.Text("What is in this picture?"),
                        new ContentPart.Image("image/png", "data:image/png;base64,iVBORw0KGgo="),
                        new ContentPart.Audio("audio/ogg", "file:///tmp/voice.ogg"),
                        new ContentPart.File("notes.pdf", "application/pdf", "file:///tmp/notes.pdf")),
                        List.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                new Message(Message.Role.ASSISTANT, List.of(),
                        List.of(new ToolCall("call_1", "terminal", "{\"command\":\"ls -la\"}"),
                                new ToolCall("call_2", "read_file", "{\"path\": broken")),
                        Optional.empty(), Optional.of("Two tools will tell."),
                        Optional.of("[{\"type\":\"thinking\",\"thinking\":\"hm\",\"signature\":\"c2ln\"}]")),
                Message.toolResult("call_1", "total 0"),
                Message.toolResult("call_2", "error: no such file"),
                Message.assistant(""),
                Message.user("[{\"type\": \"text\", \"text\": \"not a part list, just typed by the user\"}]"),
                Message.assistant("A cat."));

        store.append(SESSION, turn);

        assertThat(store.messages(SESSION)).isEqualTo(turn);
    }

    @Test
    void appendKeepsTheOriginalsColumnsAndCounters() throws Exception {
        store.append(SESSION, List.of(Message.user("list files"),
                new Message(Message.Role.ASSISTANT, List.of(), List.of(new ToolCall("call_1", "terminal", "{}")),
                        Optional.empty(), Optional.empty(), Optional.empty())));
        store.append(SESSION, List.of(Message.toolResult("call_1", "a.txt"), Message.assistant("One file.")));

        assertThat(StateFiles.column(file, "SELECT role || '|' || coalesce(content, '') || '|' "
                + "|| coalesce(tool_name, '') || '|' || coalesce(tool_calls, '') FROM messages ORDER BY id"))
                .containsExactly("user|list files||",
                        "assistant|||[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"terminal\","
                                + "\"arguments\":\"{}\"}}]",
                        "tool|a.txt|terminal|",
                        "assistant|One file.||");
        assertThat(StateFiles.column(file, "SELECT message_count || ' ' || tool_call_count FROM sessions"))
                .containsExactly("4 1");
        assertThat(StateFiles.column(file, "SELECT count(*) FROM messages m JOIN messages n ON n.id = m.id + 1 "
                + "WHERE n.timestamp <= m.timestamp")).containsExactly("0");
    }

    @Test
    void appendingToAnUnknownSessionNamesTheSessionAndTheFix() {
        assertThatThrownBy(() -> store.append("20260101_000000_000000", List.of(Message.user("hi"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no session 20260101_000000_000000; create it before appending")
                .hasMessageContaining(file.toString());
    }

    @Test
    void sessionsAreFoundAndListedNewestFirstWithTitleAndParent() throws IOException {
        SessionRecord child = new SessionRecord("20260811_090000_aaaaaa", "telegram", "anthropic/claude",
                Optional.of("Release checklist #2"), Optional.of(SESSION), Instant.parse("2026-08-11T09:00:00Z"));
        store.create(child);

        assertThat(store.find(child.id())).contains(child);
        assertThat(store.find("20990101_000000_ffffff")).isEmpty();
        assertThat(store.recent(10)).containsExactly(child, session(SESSION, Optional.empty()));
        assertThat(store.recent(1)).containsExactly(child);
    }

    @Test
    void truncateSoftDeletesTheRestAsTheOriginalsRewindDoes() throws Exception {
        store.append(SESSION, List.of(Message.user("first question"), Message.assistant("first answer")));
        store.append(SESSION, List.of(Message.user("second zebra question"), Message.assistant("second answer")));

        store.truncate(SESSION, 2);

        assertThat(store.messages(SESSION))
                .containsExactly(Message.user("first question"), Message.assistant("first answer"));
        assertThat(store.search("zebra", 10)).isEmpty();
        assertThat(StateFiles.column(file, "SELECT content || ' ' || active FROM messages ORDER BY id")).containsExactly(
                "first question 1", "first answer 1", "second zebra question 0", "second answer 0");
        assertThat(StateFiles.column(file, "SELECT message_count || ' ' || rewind_count FROM sessions"))
                .containsExactly("2 1");

        store.truncate(SESSION, 5);
        assertThat(StateFiles.column(file, "SELECT message_count || ' ' || rewind_count FROM sessions"))
                .as("nothing to rewind is no rewind").containsExactly("2 1");
        store.truncate(SESSION, 0);
        assertThat(store.messages(SESSION)).isEmpty();
        assertThat(StateFiles.column(file, "SELECT message_count || ' ' || rewind_count FROM sessions"))
                .containsExactly("0 2");

        store.append(SESSION, List.of(Message.user("after the rewind")));
        assertThat(store.messages(SESSION)).containsExactly(Message.user("after the rewind"));
    }

    @Test
    void searchFindsWordsHyphenatedTermsAndToolNamesWithTheirPosition() throws IOException {
        store.append(SESSION, List.of(Message.user("Why does the deploy-script fail?"),
                new Message(Message.Role.ASSISTANT, List.of(), List.of(new ToolCall("c1", "terminal", "{}")),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                Message.toolResult("c1", "permission denied"),
                Message.assistant("The deploy-script needs chmod +x.")));

        assertThat(store.search("deploy-script", 10)).extracting(SearchHit::messageIndex).containsExactlyInAnyOrder(0, 3);
        assertThat(store.search("permission", 10))
                .containsExactly(new SearchHit(SESSION, 2, ">>>permission<<< denied terminal "));
        assertThat(store.search("\"chmod +x\" AND", 10)).extracting(SearchHit::messageIndex).containsExactly(3);
        assertThat(store.search("((( ***", 10)).isEmpty();
        assertThat(store.search("   ", 10)).isEmpty();
    }

    @Test
    void theSystemPromptIsKeptInTheOriginalsColumn() throws Exception {
        assertThat(store.systemPrompt(SESSION)).isEmpty();
        store.saveSystemPrompt(SESSION, "You are Hermes.\n\n## Skills (mandatory)\n");

        assertThat(store.systemPrompt(SESSION)).contains("You are Hermes.\n\n## Skills (mandatory)\n");
        assertThat(StateFiles.column(file, "SELECT system_prompt FROM sessions WHERE id = '" + SESSION + "'"))
                .containsExactly("You are Hermes.\n\n## Skills (mandatory)\n");
        assertThat(store.systemPrompt("20990101_000000_000000")).isEmpty();
    }

    @Test
    void concurrentAppendsFromFourThreadsAndTwoConnectionsLoseNothing() throws Exception {
        int appendsPerThread = 25;
        List<String> sessions = List.of("20260811_100000_000001", "20260811_100000_000002",
                "20260811_100000_000003", "20260811_100000_000004");
        for (String id : sessions) {
            store.create(session(id, Optional.empty()));
        }
        try (SqliteSessionStore otherProcess = new SqliteSessionStore(file);
             ExecutorService threads = Executors.newFixedThreadPool(sessions.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < sessions.size(); t++) {
                SqliteSessionStore writer = t % 2 == 0 ? store : otherProcess;
                String id = sessions.get(t);
                running.add(threads.submit(() -> {
                    for (int i = 0; i < appendsPerThread; i++) {
                        writer.append(id, List.of(Message.user("question " + i), Message.assistant("answer " + i)));
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        }

        for (String id : sessions) {
            List<Message> messages = store.messages(id);
            assertThat(messages).hasSize(2 * appendsPerThread);
            assertThat(messages.get(2 * appendsPerThread - 1)).isEqualTo(Message.assistant("answer 24"));
        }
        assertThat(StateFiles.column(file, "SELECT sum(message_count) FROM sessions"))
                .containsExactly(Integer.toString(sessions.size() * 2 * appendsPerThread));
    }

    @Test
    void aProcessKilledWithoutClosingKeepsItsCommittedTurns() throws Exception {
        Path crashed = home.resolve("crashed").resolve("state.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), crashed.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isEqualTo(CrashingWriter.HALT_STATUS);
        try (SqliteSessionStore reopened = new SqliteSessionStore(crashed)) {
            assertThat(reopened.messages(CrashingWriter.SESSION)).containsExactly(
                    Message.user("turn 1"), Message.assistant("done 1"),
                    Message.user("turn 2"), Message.assistant("done 2"));
            assertThat(reopened.search("done", 10)).hasSize(2);
        }
    }

    @Test
    void homeComesFromTheFrameworkPropertyThenTheEnvironmentThenTheUsersHome() {
        assertThat(HermesHome.resolve("/srv/hermes", "/env/hermes", "/home/u")).isEqualTo(Path.of("/srv/hermes"));
        assertThat(HermesHome.resolve(null, "/env/hermes", "/home/u")).isEqualTo(Path.of("/env/hermes"));
        assertThat(HermesHome.resolve(" ", "", "/home/u")).isEqualTo(Path.of("/home/u/.hermes"));
    }

    static SessionRecord session(String id, Optional<String> title) {
        return new SessionRecord(id, "cli", "openrouter/qwen3-coder", title, Optional.empty(),
                Instant.parse("2026-08-11T07:47:25.123456Z"));
    }
}
