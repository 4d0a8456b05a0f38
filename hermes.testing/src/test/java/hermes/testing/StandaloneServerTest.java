package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneServerTest {

    private static final String REQUEST = """
            {"model":"m","messages":[{"role":"user","content":"ping"}]}""";

    @TempDir
    Path dir;

    @Test
    void aScriptFileReadsEveryKindOfReply() {
        List<Reply> replies = ScriptFile.parse("""
                [{"text":"Hello"},
                 {"tool_calls":[{"id":"call_1","name":"todo","arguments":{"todos":[]}},
                                {"id":"call_2","name":"terminal","arguments":"{\\"command\\":\\"ls\\"}"}]},
                 {"text":"Thinking aloud","reasoning":"why not","delay_ms":250},
                 {"error":{"status":429,"message":"slow down"}},
                 {"disconnect":true}]""");

        assertThat(replies).hasSize(5);
        assertThat(replies.get(0).text()).isEqualTo("Hello");
        assertThat(replies.get(1).calls()).containsExactly(ToolCallReply.of("call_1", "todo", "{\"todos\":[]}"),
                ToolCallReply.of("call_2", "terminal", "{\"command\":\"ls\"}"));
        assertThat(replies.get(2).reasoning()).hasValue("why not");
        assertThat(replies.get(2).delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(replies.get(3).failure()).isEqualTo(new Reply.Failure(429, "slow down", false));
        assertThat(replies.get(4).kind()).isEqualTo(Reply.Kind.DISCONNECT);
    }

    @Test
    void aBadScriptEntryIsNamedWithItsPositionAndTheProblem() throws IOException {
        Path script = Files.writeString(dir.resolve("replies.json"), "[{\"text\":\"ok\"},{\"txt\":\"typo\"}]");

        assertThatThrownBy(() -> ScriptFile.read(script))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replies.json")
                .hasMessageContaining("reply 2")
                .hasMessageContaining("unknown key 'txt'");
        assertThatThrownBy(() -> ScriptFile.parse("{\"text\":\"x\"}")).hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> ScriptFile.parse("[{\"delay_ms\":5}]")).hasMessageContaining("needs \"text\"");
    }

    @Test
    void launchServesTheScriptFileThenAnswersThatTheScriptRanOut() throws IOException {
        Path script = Files.writeString(dir.resolve("replies.json"), "[{\"text\":\"from the file\"}]");

        try (FakeModelServer server = FakeModelServer.launch("--port", "0", "--script", script.toString())) {
            String url = server.openAiBaseUrl() + "/chat/completions";
            assertThat(Http.post(url, REQUEST).json().at("/choices/0/message/content").asText()).isEqualTo("from the file");
            assertThat(Http.post(url, REQUEST).status()).isEqualTo(500);
        }
    }

    @Test
    void latencyDelaysEveryEchoAndScriptedReplyButAScriptedDelayWins() throws IOException {
        Path script = Files.writeString(dir.resolve("replies.json"),
                "[{\"text\":\"own delay\",\"delay_ms\":700},{\"text\":\"scripted\"}]");

        try (FakeModelServer server = FakeModelServer.launch("--latency-ms", "300", "--script", script.toString(),
                "--echo")) {
            String url = server.openAiBaseUrl() + "/chat/completions";

            assertThat(timedPost(url)).as("the entry's own delay_ms").isGreaterThanOrEqualTo(700);
            assertThat(timedPost(url)).as("a scripted reply without delay_ms").isGreaterThanOrEqualTo(300);
            assertThat(timedPost(url)).as("an echo").isGreaterThanOrEqualTo(300);
            assertThat(Http.post(url, REQUEST).json().at("/choices/0/message/content").asText())
                    .isEqualTo("echo: ping");
        }
    }

    private static long timedPost(String url) throws IOException {
        long started = System.nanoTime();
        assertThat(Http.post(url, REQUEST).status()).isEqualTo(200);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void launchRefusesUnknownArgumentsAndBadPorts() {
        assertThatThrownBy(() -> FakeModelServer.launch("--verbose")).hasMessageContaining("unknown argument '--verbose'");
        assertThatThrownBy(() -> FakeModelServer.launch("--port", "http")).hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> FakeModelServer.launch("--script")).hasMessageContaining("--script needs a value");
        assertThatThrownBy(() -> FakeModelServer.launch("--latency-ms", "-5"))
                .hasMessageContaining("--latency-ms needs a whole number of milliseconds");
    }

    @Test
    void mainInItsOwnProcessPrintsItsAddressAndEchoesForEver() throws Exception {
        Process process = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                FakeModelServer.class.getName(), "--port", "0", "--echo")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+");
            String baseUrl = line.substring("listening on ".length());

            for (int i = 0; i < 2; i++) {
                Http.Result result = Http.post(baseUrl + "/v1/messages", REQUEST);
                assertThat(result.json().at("/content/0/text").asText()).isEqualTo("echo: ping");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void mainExitsWithStatus2AndUsageOnBadArguments() throws Exception {
        Process process = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                FakeModelServer.class.getName(), "--bogus").redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown argument '--bogus'", "usage: java -cp <jars> hermes.testing.FakeModelServer");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
