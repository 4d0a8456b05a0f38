package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeModelServerTest {

    private static final String OPENAI_REQUEST = """
            {"model":"gpt-test","messages":[{"role":"user","content":"hello"}]}""";
    private static final String ANTHROPIC_REQUEST = """
            {"model":"claude-test","max_tokens":100,"messages":[{"role":"user","content":"hello"}]}""";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeModelServer server;

    @BeforeEach
    void startServer() {
        server = new FakeModelServer().start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Http.Result openAi(String body) throws IOException {
        return Http.post(server.openAiBaseUrl() + "/chat/completions", body);
    }

    private Http.Result anthropic(String body) throws IOException {
        return Http.post(server.anthropicBaseUrl() + "/v1/messages", body);
    }

    @Test
    void baseUrlsPointAtLoopbackWithTheVersionPrefixOnlyForOpenAi() {
        assertThat(server.openAiBaseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
        assertThat(server.anthropicBaseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void repliesAreServedInOrderWhateverTheFormatOfEachRequest() throws IOException {
        server.enqueue(Reply.text("first"), Reply.text("second"), Reply.text("third"));

        assertThat(openAi(OPENAI_REQUEST).json().at("/choices/0/message/content").asText()).isEqualTo("first");
        assertThat(anthropic(ANTHROPIC_REQUEST).json().at("/content/0/text").asText()).isEqualTo("second");
        assertThat(openAi(OPENAI_REQUEST).json().at("/choices/0/message/content").asText()).isEqualTo("third");
        assertThat(server.pendingReplies()).isZero();
    }

    @Test
    void anEmptyScriptAnswers500SayingTheScriptRanOutInTheRequestsFormat() throws IOException {
        Http.Result openAi = openAi(OPENAI_REQUEST);
        Http.Result anthropic = anthropic(ANTHROPIC_REQUEST);

        assertThat(openAi.status()).isEqualTo(500);
        assertThat(openAi.json().at("/error/type").asText()).isEqualTo("server_error");
        assertThat(openAi.json().at("/error/message").asText()).contains("script ran out", "request #1");
        assertThat(anthropic.status()).isEqualTo(500);
        assertThat(anthropic.json().get("type").asText()).isEqualTo("error");
        assertThat(anthropic.json().at("/error/type").asText()).isEqualTo("api_error");
        assertThat(anthropic.json().at("/error/message").asText()).contains("script ran out", "request #2");
    }

    @Test
    void openAiFailureHasTheErrorObjectAndRetryAfterHeader() throws IOException {
        server.enqueue(Reply.failure(429, "Rate limit reached").withRetryAfter(Duration.ofMillis(1500)));

        Http.Result result = openAi(OPENAI_REQUEST);

        assertThat(result.status()).isEqualTo(429);
        assertThat(result.header("retry-after")).hasValue("2");
        assertThat(result.json()).isEqualTo(Http.parse("""
                {"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"""));
    }

    @Test
    void anthropicFailureHasTheErrorEnvelopeWithTheTypeOfItsStatus() throws IOException {
        server.enqueue(Reply.failure(529, "Overloaded"), Reply.failure(401, "invalid x-api-key"),
                Reply.failure(429, "slow down").withRetryAfter(Duration.ofSeconds(3)));

        Http.Result overloaded = anthropic(ANTHROPIC_REQUEST);
        Http.Result unauthorised = anthropic(ANTHROPIC_REQUEST);
        Http.Result limited = anthropic(ANTHROPIC_REQUEST);

        assertThat(overloaded.status()).isEqualTo(529);
        assertThat(overloaded.json()).isEqualTo(Http.parse("""
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
        assertThat(unauthorised.json().at("/error/type").asText()).isEqualTo("authentication_error");
        assertThat(limited.json().at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(limited.header("retry-after")).hasValue("3");
    }

    @Test
    void aFailureAnswersAStreamingRequestWithAJsonErrorNotAStream() throws IOException {
        server.enqueue(Reply.failure(503, "upstream unavailable"));

        Http.Result result = openAi("{\"model\":\"m\",\"stream\":true,\"messages\":[]}");

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.header("content-type")).hasValue("application/json");
        assertThat(result.json().at("/error/message").asText()).isEqualTo("upstream unavailable");
    }

    @Test
    void contextLengthExceededUsesEachProvidersWording() throws IOException {
        server.enqueue(Reply.contextLengthExceeded(), Reply.contextLengthExceeded());

        Http.Result openAi = openAi(OPENAI_REQUEST);
        Http.Result anthropic = anthropic(ANTHROPIC_REQUEST);

        assertThat(openAi.status()).isEqualTo(400);
        assertThat(openAi.json().at("/error/code").asText()).isEqualTo("context_length_exceeded");
        assertThat(openAi.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(openAi.json().at("/error/message").asText()).startsWith("This model's maximum context length is");
        assertThat(anthropic.status()).isEqualTo(400);
        assertThat(anthropic.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(anthropic.json().at("/error/message").asText()).matches("prompt is too long: \\d+ tokens > \\d+ maximum");
    }

    @Test
    void otherPathsGet404AndAreStillCapturedWithoutUsingTheScript() throws IOException {
        server.enqueue(Reply.text("kept"));

        Http.Result result = Http.post(server.openAiBaseUrl() + "/embeddings", "{}");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().at("/error/message").asText()).contains("/v1/embeddings", "chat/completions");
        assertThat(server.takeRequest(WAIT).path()).isEqualTo("/v1/embeddings");
        assertThat(server.pendingReplies()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotJsonGets400WithoutUsingTheScript() throws IOException {
        server.enqueue(Reply.text("kept"));

        Http.Result result = openAi("{not json");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().at("/error/message").asText()).contains("not valid JSON");
        assertThat(server.pendingReplies()).isEqualTo(1);
    }

    @Test
    void capturedRequestsKeepLowerCaseHeadersTheBodyAndItsParts() throws IOException {
        server.enqueue(Reply.text("a"), Reply.text("b"));
        String openAiBody = """
                {"model":"gpt-test","stream":true,"messages":[{"role":"system","content":"sys"},
                 {"role":"user","content":"first"},{"role":"assistant","content":"ok"},
                 {"role":"user","content":[{"type":"text","text":"look at"},{"type":"image_url","image_url":{"url":"x"}},
                  {"type":"text","text":"this"}]}],
                 "tools":[{"type":"function","function":{"name":"todo","parameters":{}}},
                          {"type":"function","function":{"name":"terminal","parameters":{}}}]}""";
        String anthropicBody = """
                {"model":"claude-test","max_tokens":10,"system":"sys","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"read_file","input_schema":{}}]}""";

        Http.post(server.openAiBaseUrl() + "/chat/completions", openAiBody, "Authorization", "Bearer sk-test");
        Http.post(server.anthropicBaseUrl() + "/v1/messages", anthropicBody, "X-Api-Key", "ant-key");

        CapturedRequest openAi = server.takeRequest(WAIT);
        assertThat(openAi.method()).isEqualTo("POST");
        assertThat(openAi.path()).isEqualTo("/v1/chat/completions");
        assertThat(openAi.headers()).containsEntry("authorization", "Bearer sk-test")
                .containsEntry("content-type", "application/json");
        assertThat(openAi.header("AUTHORIZATION")).hasValue("Bearer sk-test");
        assertThat(openAi.body()).isEqualTo(openAiBody);
        assertThat(openAi.format()).isEqualTo(CapturedRequest.Format.OPENAI);
        assertThat(openAi.model()).isEqualTo("gpt-test");
        assertThat(openAi.isStream()).isTrue();
        assertThat(openAi.messages()).hasSize(4);
        assertThat(openAi.toolNames()).containsExactly("todo", "terminal");
        assertThat(openAi.lastUserText()).isEqualTo("look at\nthis");
        CapturedRequest anthropic = server.takeRequest(WAIT);
        assertThat(anthropic.headers()).containsEntry("x-api-key", "ant-key");
        assertThat(anthropic.format()).isEqualTo(CapturedRequest.Format.ANTHROPIC);
        assertThat(anthropic.isStream()).isFalse();
        assertThat(anthropic.toolNames()).containsExactly("read_file");
        assertThat(anthropic.json().get("system").asText()).isEqualTo("sys");
        assertThat(server.requests()).containsExactly(openAi, anthropic);
    }

    @Test
    void takeRequestFailsLoudlyWhenNothingArrives() {
        assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no request reached the fake model server");
    }

    @Test
    void awaitRequestCountWaitsForConcurrentRequestsAndFailsNamingWhatArrived() throws Exception {
        server.respondWith(request -> Reply.text("fine"));
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 3; i++) {
                clients.submit(() -> openAi(OPENAI_REQUEST));
            }
            assertThat(server.awaitRequestCount(3, WAIT)).hasSize(3);
        }
        assertThatThrownBy(() -> server.awaitRequestCount(4, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 4 requests")
                .hasMessageContaining("got 3");
    }

    @Test
    void theResponderAnswersAfterTheScriptForEver() throws IOException {
        server.enqueue(Reply.text("scripted"));
        server.respondWith(request -> Reply.text("echo: " + request.lastUserText()));

        List<String> answers = List.of(
                openAi(OPENAI_REQUEST).json().at("/choices/0/message/content").asText(),
                openAi(OPENAI_REQUEST).json().at("/choices/0/message/content").asText(),
                anthropic(ANTHROPIC_REQUEST).json().at("/content/0/text").asText());

        assertThat(answers).containsExactly("scripted", "echo: hello", "echo: hello");
    }

    @Test
    void aResponderThatThrowsGives500WithItsMessage() throws IOException {
        server.respondWith(request -> {
            throw new IllegalStateException("no answer for " + request.model());
        });

        Http.Result result = openAi(OPENAI_REQUEST);

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().at("/error/message").asText()).contains("responder failed", "no answer for gpt-test");
    }
}
