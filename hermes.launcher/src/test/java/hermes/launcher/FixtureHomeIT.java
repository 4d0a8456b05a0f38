package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.FakeModelServer;
import hermes.testing.Reply;
import hermes.testing.ToolCallReply;

/**
 * A home written by the original Hermes ({@code reference/fixtures/hermes-home}) used as is: its sessions, lineage,
 * messages (CJK included) and memory files work here, and stay readable by the original after our writes.
 */
class FixtureHomeIT {

    private static final Path FIXTURE = Path.of("..", "testdata", "hermes-home")
            .toAbsolutePath().normalize();

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();
    HermesProcess hermes;

    @BeforeEach
    void copyTheFixture() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path source : files.toList()) {
                Path target = home.resolve(FIXTURE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                    target.toFile().setWritable(true, true);
                }
            }
        }
        hermes = new HermesProcess(home, server, "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sessionsListShowsTheTitledSessionsAndTheirLineage() throws Exception {
        String list = hermes.ok("sessions", "list");

        assertThat(list).contains("Release checklist").contains("Flaky test hunt").contains("20260503_070000_444ddd");
        List<String> lines = list.lines().toList();
        int parent = indexOf(lines, "20260502_190500_222bbb");
        int child = indexOf(lines, "20260502_201000_333ccc");
        assertThat(parent).isNotNegative();
        assertThat(child).as("the compacted child is listed with its parent:%n%s", list).isEqualTo(parent + 1);
    }

    @Test
    void sessionSearchFindsTheOriginalsMessagesIncludingCjkThroughTheTrigramIndex() throws Exception {
        server.enqueue(Reply.toolCalls(ToolCallReply.of("c1", "session_search", "{\"query\":\"会議\"}")),
                Reply.text("Thursday."),
                Reply.toolCalls(ToolCallReply.of("c2", "session_search", "{\"query\":\"OrderServiceIT\"}")),
                Reply.text("The flaky test."));

        hermes.ok("-z", "when is the meeting?");
        hermes.ok("-z", "which test was flaky?");

        List<hermes.testing.CapturedRequest> requests = server.awaitRequestCount(4, Duration.ofSeconds(5));
        assertThat(lastMessage(requests.get(1).messages())).contains("会議は木曜日").contains("20260503_070000_444ddd");
        String flaky = lastMessage(requests.get(3).messages());
        assertThat(flaky).contains("OrderServiceIT");
        // the parent and its compacted child are one lineage: one result, not two
        assertThat(count(flaky, "\"session_id\": \"20260502_") + count(flaky, "\"session_id\":\"20260502_"))
                .isEqualTo(1);
    }

    @Test
    void theFirstRequestCarriesTheOriginalsMemoryAndOurWritesKeepItsFormats() throws Exception {
        String schemaBefore = sqlite("select group_concat(sql, ';') from sqlite_master");
        server.enqueue(Reply.toolCalls(ToolCallReply.of("c1", "memory",
                        "{\"action\":\"add\",\"target\":\"memory\",\"content\":\"CI runs on two cores\"}")),
                Reply.text("Noted."));

        hermes.ok("-z", "note that CI has two cores");

        String prompt = server.awaitRequestCount(1, Duration.ofSeconds(5)).get(0).messages().get(0).path("content")
                .asText();
        assertThat(prompt).contains("Repo uses Java 21 and Maven; run ./mvnw verify before pushing.")
                .contains("Staging DB is Postgres 16 on port 5433.")
                .contains("User is Ada; likes terse answers; works UTC+1.");
        assertThat(Files.readString(home.resolve("memories").resolve("MEMORY.md"))).isEqualTo(
                Files.readString(FIXTURE.resolve("memories").resolve("MEMORY.md")) + "\n§\nCI runs on two cores");
        assertThat(sqlite("select group_concat(sql, ';') from sqlite_master")).isEqualTo(schemaBefore);
        assertThat(sqlite("select version from schema_version")).isEqualTo("16");
        assertThat(sqlite("pragma integrity_check")).isEqualTo("ok");
        assertThat(sqlite("select count(*) from sessions")).isEqualTo("5");
    }

    private String sqlite(String query) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
                + " print(c.execute(sys.argv[2]).fetchone()[0])", home.resolve("state.db").toString(), query)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static String lastMessage(JsonNode messages) {
        return messages.get(messages.size() - 1).path("content").asText();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
