package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Channel;

/**
 * The API server started on a free loopback port against a {@link FakeRuntime}, and a stock JDK HTTP client to talk
 * to it. Keepalives come every 100 ms so a vanished client is noticed quickly.
 */
final class ServerUnderTest implements AutoCloseable {

    static final String KEY = "sk-test-key";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final FakeRuntime runtime = new FakeRuntime();
    final ApiServerChannel channel;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerUnderTest(Map<String, String> settings, boolean withStore) throws IOException {
        channel = new ApiServerChannel(runtime, () -> withStore ? Optional.of(runtime.store) : Optional.empty(),
                Duration.ofMillis(100));
        channel.start(new SettingsHost(settings));
    }

    /** The server with a key, port 0 and the given extra settings. */
    static ServerUnderTest start(String... keysAndValues) throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of(ServerSettings.PORT, "0", ServerSettings.KEY, KEY));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        settings.values().removeIf(String::isEmpty);
        return new ServerUnderTest(settings, true);
    }

    static ServerUnderTest withoutStore() throws IOException {
        return new ServerUnderTest(Map.of(ServerSettings.PORT, "0", ServerSettings.KEY, KEY), false);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + channel.port() + path);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    /** {@code POST /v1/chat/completions} with the key and {@code headers}. */
    HttpResponse<String> chat(String body, String... headers) throws IOException, InterruptedException {
        return send(authorized("/v1/chat/completions", headers).POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A streamed chat completion, read to its end: the SSE lines as they came. */
    HttpResponse<List<String>> chatStream(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest request = authorized("/v1/chat/completions", headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, info -> HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofLines(StandardCharsets.UTF_8),
                lines -> lines.toList()));
    }

    HttpRequest.Builder authorized(String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + KEY));
        all.addAll(List.of(headers));
        return request(path, all.toArray(String[]::new));
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    /** A chat request body of {@code role, content} pairs. */
    static String messages(boolean stream, String... rolesAndContents) {
        var body = MAPPER.createObjectNode().put("model", "my-model").put("stream", stream);
        var messages = body.putArray("messages");
        for (int i = 0; i < rolesAndContents.length; i += 2) {
            messages.addObject().put("role", rolesAndContents[i]).put("content", rolesAndContents[i + 1]);
        }
        return body.toString();
    }

    /** Waits up to 10 s for {@code condition}: for effects that follow the answer (a session closed after it). */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the condition did not hold within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        channel.stop();
        client.close();
    }

    /** The gateway's side: settings from a map, no inbound messages expected. */
    record SettingsHost(Map<String, String> settings) implements Channel.Host {
        @Override
        public void receive(Channel.Inbound message) {
            throw new AssertionError("the API server hands nothing to the gateway, got " + message);
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.ofNullable(settings.get(key));
        }
    }
}
