package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.CapturedRequest;
import hermes.testing.FakeModelServer;
import hermes.testing.Reply;
import hermes.testing.ToolCallReply;

/**
 * The distribution's {@code bin/hermes} as a user runs it, against the scripted fake model server: a real process, a
 * temporary {@code HERMES_HOME} whose {@code config.yaml} points {@code model.provider: custom} at the server.
 */
class ChatOneShotIT {

    private static final Path HERMES = Path.of("target", "hermes", "bin", "hermes").toAbsolutePath();

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(int exit, String stdout, String stderr) {
    }

    private Run hermes(String stdin, String... arguments) throws IOException, InterruptedException {
        Files.writeString(home.resolve("config.yaml"), "model:\n  provider: custom\n  base_url: "
                + server.openAiBaseUrl() + "\n  default: fake-model\n");
        List<String> command = new ArrayList<>(List.of(HERMES.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HERMES_HOME", home.toString());
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("hermes finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void chatQueryCompletesATodoRoundTripAndPrintsTheAnswer() throws Exception {
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_1", "todo",
                        "{\"todos\":[{\"id\":\"1\",\"content\":\"write tests\",\"status\":\"in_progress\"}]}")),
                Reply.text("Your plan has one item: write tests."));

        Run run = hermes("", "chat", "-q", "plan my day", "-t", "todo");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("todo").contains("Your plan has one item: write tests.");
        List<CapturedRequest> requests = server.awaitRequestCount(2, Duration.ofSeconds(5));
        assertThat(requests.get(0).toolNames()).containsExactly("todo");
        JsonNode messages = requests.get(1).messages();
        JsonNode result = messages.get(messages.size() - 1);
        assertThat(result.path("role").asText()).isEqualTo("tool");
        assertThat(result.path("content").asText()).contains("write tests").contains("in_progress");
    }

    @Test
    void dashZPrintsOnlyTheFinalAnswer() throws Exception {
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_1", "todo", "{}")), Reply.text("All clear."));

        Run run = hermes("", "-z", "anything to do?");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("All clear.\n");
    }

    @Test
    void aMemoryWrittenInOneProcessIsInTheNextProcesssSystemPromptAndBothTurnsAreInStateDb() throws Exception {
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_1", "memory",
                        "{\"action\":\"add\",\"target\":\"user\",\"content\":\"Prefers Maven over Gradle\"}")),
                Reply.text("Noted."), Reply.text("You prefer Maven."));

        Run first = hermes("", "-z", "remember that I prefer Maven");
        Run second = hermes("", "-z", "what do I prefer?");

        assertThat(first.exit()).as(first.stderr()).isZero();
        assertThat(second.stdout()).isEqualTo("You prefer Maven.\n");
        assertThat(Files.readString(home.resolve("memories").resolve("USER.md"))).isEqualTo("Prefers Maven over Gradle");
        String systemPrompt = server.awaitRequestCount(3, Duration.ofSeconds(5)).get(2).messages().get(0)
                .path("content").asText();
        assertThat(systemPrompt).contains("USER PROFILE (who the user is)").contains("Prefers Maven over Gradle");
        assertThat(Files.exists(home.resolve("state.db"))).isTrue();
        Process sqlite = new ProcessBuilder("python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
                + " print(c.execute('select count(*) from sessions').fetchone()[0])", home.resolve("state.db").toString())
                .redirectErrorStream(true).start();
        String sessions = new String(sqlite.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(sqlite.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sessions).isEqualTo("2");
    }

    @Test
    void withNothingConfiguredTheErrorSaysWhatToSet() throws Exception {
        Files.writeString(home.resolve("config.yaml"), "");
        List<String> command = List.of(HERMES.toString(), "-z", "hi");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HERMES_HOME", home.toString());
        builder.environment().keySet().removeIf(k -> k.endsWith("_API_KEY") || k.endsWith("_TOKEN"));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("No inference provider configured").contains("OPENROUTER_API_KEY");
    }

    @Test
    void approvalsCheckPrintsOneVerdictPerCommand() throws Exception {
        Run single = hermes("", "approvals", "check", "rm -rf /");
        assertThat(single.exit()).as(single.stderr()).isZero();
        assertThat(single.stdout().strip()).startsWith("{\"verdict\": \"hardline\"");

        Run lines = hermes("\"git reset --hard\"\n\"echo reboot\"\n\"sudo reboot\"\n", "approvals", "check",
                "--jsonl");
        assertThat(lines.exit()).as(lines.stderr()).isZero();
        List<String> verdicts = lines.stdout().lines().toList();
        assertThat(verdicts).hasSize(3);
        assertThat(verdicts.get(0)).contains("\"verdict\": \"dangerous\"");
        assertThat(verdicts.get(1)).isEqualTo("{\"verdict\": \"safe\", \"pattern\": null, \"description\": null}");
        assertThat(verdicts.get(2)).contains("\"verdict\": \"hardline\"");
    }
}
