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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.Reply;

/**
 * Hot swap of a channel: a gateway runs without the Telegram bundle; dropping the bundle into the plugins folder makes
 * it answer Telegram, removing it stops it — and the API server answers throughout.
 */
class TelegramHotDropIT extends TelegramGatewayFixture {

    private static final String TOKEN = "123456:HOT-token";
    private static final long USER = 8080;
    private static final String KEY = "sk-hot";

    @TempDir
    Path scratch;
    final HttpClient http = HttpClient.newHttpClient();
    String api;

    @Test
    void theTelegramBundleDroppedInAnswersAndRemovedStopsWhileTheApiServerKeepsAnswering() throws Exception {
        startTelegram();
        server.respondWith(request -> Reply.text("echo: " + request.lastUserText()));
        Path dist = copyOfTheDistribution();
        Path telegramJar;
        try (Stream<Path> jars = Files.list(dist.resolve("bundle"))) {
            Path bundled = jars.filter(p -> p.getFileName().toString().startsWith("hermes.plugin.channel.telegram"))
                    .findFirst().orElseThrow();
            telegramJar = Files.move(bundled, scratch.resolve("telegram.jar"));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        api = "http://127.0.0.1:" + port;
        new HermesProcess(home, server, "platforms:\n  telegram:\n    poll_timeout: 1\n"
                // whole replies: this test reads each bot message once, and a streamed one arrives first with the
                // cursor (TelegramStreamingIT covers streaming)
                + "display:\n  platforms:\n    telegram:\n      streaming: false\n");
        Files.writeString(home.resolve(".env"), "API_SERVER_ENABLED=true\nAPI_SERVER_KEY=" + KEY + "\nAPI_SERVER_PORT="
                + port + "\nTELEGRAM_ENABLED=true\nTELEGRAM_BOT_TOKEN=" + TOKEN + "\nTELEGRAM_BASE_URL="
                + telegram.baseUrl() + "\nTELEGRAM_ALLOWED_USERS=" + USER + "\n");
        gateway = new HermesProcess(home).startGateway(dist.resolve("bin").resolve("hermes"));
        awaitApi(Duration.ofSeconds(30));
        assertThat(apiAnswer("before")).isEqualTo("echo: before");

        Path plugins = home.resolve("plugins");
        Files.createDirectories(plugins);
        Files.copy(telegramJar, plugins.resolve(".telegram.jar.part"));
        Files.move(plugins.resolve(".telegram.jar.part"), plugins.resolve("telegram.jar"),
                StandardCopyOption.ATOMIC_MOVE);
        telegram.userSends(TOKEN, USER, "hello");
        assertThat(awaitTelegramReply(Duration.ofSeconds(40))).isEqualTo(List.of("echo: hello"));
        assertThat(apiAnswer("during")).isEqualTo("echo: during");

        Files.delete(plugins.resolve("telegram.jar"));
        Thread.sleep(3000); // the watcher sees the removal, the gateway stops the channel
        telegram.userSends(TOKEN, USER, "anyone there?");
        assertThat(awaitTelegramReply(Duration.ofSeconds(8))).as("no reply once the bundle is gone").isEmpty();
        assertThat(apiAnswer("after")).isEqualTo("echo: after");
        assertThat(gateway.isAlive()).isTrue();
    }

    private Path copyOfTheDistribution() throws IOException {
        Path source = HermesProcess.HERMES.getParent().getParent();
        Path target = scratch.resolve("hermes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private void awaitApi(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(System.nanoTime()).as("API server up; log:%n%s", Files.readString(home.resolve("gateway.log")))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String apiAnswer(String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"hermes-agent\",\"messages\":[{\"role\":"
                        + "\"user\",\"content\":\"" + text + "\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("choices").get(0)
                .path("message").path("content").asText();
    }

    private List<String> awaitTelegramReply(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode messages = telegram.userReceives(TOKEN, USER);
            if (messages.size() > 0) {
                java.util.ArrayList<String> texts = new java.util.ArrayList<>();
                messages.forEach(m -> texts.add(m.path("message").path("text").asText()));
                return texts;
            }
            Thread.sleep(200);
        }
        return List.of();
    }
}
