package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Disconnects and delays, seen through OkHttp as the provider bundles will see them. */
class ConnectionFaultsTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String STREAM_REQUEST = """
            {"model":"claude-test","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private FakeModelServer server;

    @BeforeEach
    void startServer() {
        server = new FakeModelServer().start();
    }

    @AfterEach
    void stopServer() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private Request post(String url, String body) {
        return new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    }

    @Test
    void aDisconnectCutsAStreamAfterSomeEventsAndBeforeItsEnd() throws IOException {
        server.enqueue(Reply.disconnect());
        List<String> lines = new ArrayList<>();

        try (Response response = client.newCall(post(server.anthropicBaseUrl() + "/v1/messages", STREAM_REQUEST))
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
            BufferedSource source = response.body().source();
            assertThatThrownBy(() -> {
                while (!source.exhausted()) {
                    lines.add(source.readUtf8LineStrict());
                }
            }).isInstanceOf(IOException.class);
        }

        assertThat(lines).contains("event: message_start").doesNotContain("event: message_stop");
    }

    @Test
    void aDisconnectTruncatesANonStreamedBody() throws IOException {
        server.enqueue(Reply.disconnect());

        try (Response response = client.newCall(post(server.openAiBaseUrl() + "/chat/completions",
                "{\"model\":\"m\",\"messages\":[]}")).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theServerKeepsServingAfterADisconnect() throws IOException {
        server.enqueue(Reply.disconnect(), Reply.text("back"));
        try (Response cut = client.newCall(post(server.openAiBaseUrl() + "/chat/completions", "{}")).execute()) {
            assertThatThrownBy(() -> cut.body().string()).isInstanceOf(IOException.class);
        }

        try (Response next = client.newCall(post(server.openAiBaseUrl() + "/chat/completions", "{}")).execute()) {
            assertThat(Http.parse(next.body().string()).at("/choices/0/message/content").asText()).isEqualTo("back");
        }
    }

    @Test
    void aDelayedReplyHoldsBackTheFirstByte() throws IOException {
        server.enqueue(Reply.text("late").withDelay(Duration.ofMillis(700)));

        long start = System.nanoTime();
        try (Response response = client.newCall(post(server.openAiBaseUrl() + "/chat/completions", "{}")).execute()) {
            assertThat(response.body().string()).contains("late");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aClientTimeoutShorterThanTheDelayFiresAndCloseStillReturnsPromptly() {
        server.enqueue(Reply.text("never read").withDelay(Duration.ofSeconds(30)));
        OkHttpClient impatient = client.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();

        assertThatThrownBy(() -> impatient.newCall(post(server.openAiBaseUrl() + "/chat/completions", "{}")).execute())
                .isInstanceOf(InterruptedIOException.class);

        long start = System.nanoTime();
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
