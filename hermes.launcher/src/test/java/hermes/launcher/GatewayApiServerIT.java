package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.testing.FakeModelServer;
import hermes.testing.Reply;

/**
 * {@code hermes gateway run} as a user starts it, with the API server enabled in {@code .env}, driven by the JDK's
 * stock HTTP client: the OpenAI-compatible endpoint streamed and not, the key, and session continuity by header.
 */
class GatewayApiServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-gateway";

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();
    final HttpClient http = HttpClient.newHttpClient();
    Process gateway;
    String base;

    @BeforeEach
    void startTheGateway() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        new HermesProcess(home, server, "");
        Files.writeString(home.resolve(".env"), "API_SERVER_ENABLED=true\nAPI_SERVER_KEY=" + KEY
                + "\nAPI_SERVER_PORT=" + port + "\n");
        gateway = new HermesProcess(home).startGateway();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (get("/health", false).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(gateway.isAlive()).as("gateway running; log: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("API server up within 30 s; log: %s", log()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterEach
    void stop() throws Exception {
        HermesProcess.stopGateway(gateway);
        server.close();
    }

    private String log() throws IOException {
        return Files.readString(home.resolve("gateway.log"));
    }

    private HttpResponse<String> get(String path, boolean authorised) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (authorised) {
            request.header("Authorization", "Bearer " + KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStockClientChatsStreamedAndNotAndContinuesASessionByHeader() throws Exception {
        assertThat(chat("{\"model\":\"hermes-agent\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .statusCode()).isEqualTo(401);
        assertThat(get("/v1/models", true).body()).contains("hermes-agent");

        server.enqueue(Reply.text("The code word is heron."));
        HttpResponse<String> first = chat("{\"model\":\"hermes-agent\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"give me a code word\"}]}", "Authorization", "Bearer " + KEY);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode completion = JSON.readTree(first.body());
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("The code word is heron.");
        String sessionId = first.headers().firstValue("X-Hermes-Session-Id").orElseThrow();

        server.enqueue(Reply.text("It was heron."));
        HttpResponse<String> streamed = chat("{\"model\":\"hermes-agent\",\"stream\":true,\"messages\":["
                        + "{\"role\":\"user\",\"content\":\"ignored earlier text\"},"
                        + "{\"role\":\"user\",\"content\":\"what was the code word?\"}]}",
                "Authorization", "Bearer " + KEY, "X-Hermes-Session-Id", sessionId);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        StringBuilder text = new StringBuilder();
        List<String> data = streamed.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                .toList();
        assertThat(data.getLast()).isEqualTo("[DONE]");
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode choices = JSON.readTree(chunk).path("choices");
            if (choices.size() > 0) {
                text.append(choices.get(0).path("delta").path("content").asText(""));
            }
        }
        assertThat(text.toString()).isEqualTo("It was heron.");

        // the stored history is the context: the first exchange, then only the request's last user message
        JsonNode messages = server.awaitRequestCount(2, Duration.ofSeconds(5)).get(1).messages();
        List<String> texts = new java.util.ArrayList<>();
        messages.forEach(m -> texts.add(m.path("role").asText() + ": " + m.path("content").asText()));
        assertThat(texts.subList(1, texts.size())).containsExactly("user: give me a code word",
                "assistant: The code word is heron.", "user: what was the code word?");
    }
}
