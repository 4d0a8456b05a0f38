package hermes.plugin.channel.apiserver.internal;

import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.json;
import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import hermes.api.Channel;

class ApiServerChannelTest {

    private ServerUnderTest server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthAnswersWithoutKeyOnBothPaths() throws Exception {
        server = ServerUnderTest.start();

        for (String path : new String[] {"/health", "/v1/health"}) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response)).isEqualTo(ServerUnderTest.MAPPER.readTree(
                    "{\"status\":\"ok\",\"platform\":\"hermes-agent\"}"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void modelsListsTheConfiguredModelNameInOpenAiListFormat() throws Exception {
        server = ServerUnderTest.start(ServerSettings.MODEL_NAME, "my-hermes");

        HttpResponse<String> response = server.send(server.authorized("/v1/models").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data")).hasSize(1);
        assertThat(body.path("data").get(0).path("id").asText()).isEqualTo("my-hermes");
        assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("model");
        assertThat(body.path("data").get(0).path("owned_by").asText()).isEqualTo("hermes");
    }

    @Test
    void modelNameDefaultsToHermesAgent() throws Exception {
        server = ServerUnderTest.start();

        var body = json(server.send(server.authorized("/v1/models").GET().build()));

        assertThat(body.path("data").get(0).path("id").asText()).isEqualTo("hermes-agent");
    }

    @Test
    void requestsWithoutTheKeyAreRefusedWith401AndNeverReachTheRuntime() throws Exception {
        server = ServerUnderTest.start();
        String body = messages(false, "user", "hi");

        HttpResponse<String> noKey = server.send(server.request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpResponse<String> wrongKey = server.send(server.request("/v1/chat/completions",
                "Authorization", "Bearer sk-wrong").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpResponse<String> models = server.get("/v1/models");

        for (HttpResponse<String> response : List.of(noKey, wrongKey, models)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).path("error").path("code").asText()).isEqualTo("invalid_api_key");
            assertThat(json(response).path("error").path("message").asText()).contains("Authorization: Bearer");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(server.runtime.opened).isEmpty();
    }

    @Test
    void withoutAKeyOnLoopbackEveryRequestIsServed() throws Exception {
        server = ServerUnderTest.start(ServerSettings.KEY, "");

        HttpResponse<String> response = server.send(server.request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(messages(false, "user", "hi"))).build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesToListenOnANonLoopbackAddressWithoutAKey() {
        ApiServerChannel channel = new ApiServerChannel(new FakeRuntime(), Optional::empty,
                ApiServerChannel.KEEPALIVE);

        assertThatThrownBy(() -> channel.start(host(Map.of(ServerSettings.HOST, "0.0.0.0",
                ServerSettings.PORT, "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("will not listen on 0.0.0.0 without a key")
                .hasMessageContaining("API_SERVER_KEY");
        assertThat(channel.isHealthy()).isFalse();
    }

    @Test
    void listensOnANonLoopbackAddressWhenAKeyIsSet() throws Exception {
        ApiServerChannel channel = new ApiServerChannel(new FakeRuntime(), Optional::empty,
                ApiServerChannel.KEEPALIVE);
        try {
            channel.start(host(Map.of(ServerSettings.HOST, "0.0.0.0", ServerSettings.PORT, "0",
                    ServerSettings.KEY, "secret")));

            assertThat(channel.isHealthy()).isTrue();
            assertThat(channel.port()).isPositive();
        } finally {
            channel.stop();
        }
    }

    @Test
    void configYamlSettingsWinOverEnvironmentVariables() throws Exception {
        server = ServerUnderTest.start(ServerSettings.CONFIG_PREFIX + "model_name", "from-config",
                ServerSettings.MODEL_NAME, "from-env");

        var body = json(server.send(server.authorized("/v1/models").GET().build()));

        assertThat(body.path("data").get(0).path("id").asText()).isEqualTo("from-config");
    }

    @Test
    void aMalformedPortIsRefusedWithTheSettingToFix() {
        ApiServerChannel channel = new ApiServerChannel(new FakeRuntime(), Optional::empty,
                ApiServerChannel.KEEPALIVE);

        assertThatThrownBy(() -> channel.start(host(Map.of(ServerSettings.PORT, "eighty"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API_SERVER_PORT must be a port number from 0 to 65535, was 'eighty'");
    }

    @Test
    void stopClosesThePortAndIsIdempotent() throws Exception {
        server = ServerUnderTest.start();
        var uri = server.uri("/health");

        server.channel.stop();
        server.channel.stop();

        assertThat(server.channel.isHealthy()).isFalse();
        assertThatThrownBy(() -> server.client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerOpenAiErrors() throws Exception {
        server = ServerUnderTest.start();

        HttpResponse<String> unknown = server.send(server.authorized("/v1/embeddings").GET().build());
        HttpResponse<String> wrongMethod = server.send(server.authorized("/v1/chat/completions").GET().build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("message").asText()).contains("POST /v1/chat/completions");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(wrongMethod).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void browserOriginsAreRefusedUnlessCorsIsConfigured() throws Exception {
        server = ServerUnderTest.start();

        HttpResponse<String> response = server.send(server.authorized("/v1/models", "Origin", "https://evil.example")
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void configuredOriginsGetCorsHeadersAndPreflightsWithoutKey() throws Exception {
        server = ServerUnderTest.start(ServerSettings.CORS_ORIGINS, "https://chat.example, https://other.example");

        HttpResponse<String> preflight = server.send(server.request("/v1/chat/completions",
                "Origin", "https://chat.example", "Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> models = server.send(server.authorized("/v1/models", "Origin", "https://other.example")
                .GET().build());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chat.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization", "X-Hermes-Session-Id");
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://other.example");
        assertThat(models.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Hermes-Session-Id");
    }

    @Test
    void theChannelIsTheApiServerPlatformAndSendsNothingOnItsOwn() {
        ApiServerChannel channel = new ApiServerChannel(new FakeRuntime(), Optional::empty,
                ApiServerChannel.KEEPALIVE);

        assertThat(channel.platform()).isEqualTo("api_server");
        assertThatThrownBy(() -> channel.send(new Channel.Outbound("chat", Optional.empty(),
                Optional.empty(), "hi", List.of())))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("HTTP response");
    }

    private static Channel.Host host(Map<String, String> settings) {
        return new ServerUnderTest.SettingsHost(settings);
    }
}
