package hermes.plugin.provider.openai.internal;

import static hermes.plugin.provider.openai.internal.TestSupport.delta;
import static hermes.plugin.provider.openai.internal.TestSupport.failure;
import static hermes.plugin.provider.openai.internal.TestSupport.jsonResponse;
import static hermes.plugin.provider.openai.internal.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelException.Kind;
import hermes.api.ModelRequest;
import hermes.api.StreamListener;
import hermes.plugin.provider.openai.internal.TestSupport.RecordingListener;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Every way a call fails, mapped to the kind the runtime acts on and a message that names the problem. */
class ChatCompletionsErrorTest {

    private final MockWebServer server = new MockWebServer();
    private final ChatCompletionsProvider provider = new ChatCompletionsProvider();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        provider.deactivate();
        server.close();
    }

    private ModelException failureOf(Map<String, String> extraOptions) {
        Map<String, String> options = new HashMap<>(Map.of(ModelRequest.BASE_URL, server.url("/v1").toString(),
                ModelRequest.PROVIDER, "openai", ModelRequest.API_KEY, "sk-wrong"));
        options.putAll(extraOptions);
        return failure(provider.chat(new ModelRequest("gpt-5", List.of(Message.user("hi")), List.of(), options),
                new RecordingListener()));
    }

    private ModelException failureOf(MockResponse response) {
        server.enqueue(response);
        return failureOf(Map.of());
    }

    @Test
    void unauthorisedIsAuthenticationWithTheServersMessage() {
        ModelException failure = failureOf(jsonResponse(401, """
                {"error":{"message":"Incorrect API key provided: sk-wrong.","type":"invalid_request_error",
                 "code":"invalid_api_key"}}"""));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.getMessage())
                .isEqualTo("openai rejected the API key (HTTP 401): Incorrect API key provided: sk-wrong.");
    }

    @Test
    void paymentRequiredIsAuthenticationAndSaysWhy() {
        ModelException failure = failureOf(jsonResponse(402, "{\"error\":\"Insufficient credits\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.getMessage()).isEqualTo("openai refused the request for lack of credit (HTTP 402): "
                + "Insufficient credits; add credit to the account or use another key");
    }

    @Test
    void tooManyRequestsIsRateLimitedAndRetryable() {
        ModelException failure = failureOf(jsonResponse(429, "{\"error\":{\"message\":\"Rate limit reached\"}}"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("openai is rate limiting requests (HTTP 429): Rate limit reached");
    }

    @Test
    void serverErrorQuotesAPlainBodyCappedInLength() {
        ModelException failure = failureOf(new MockResponse.Builder().code(503).body("upstream down ".repeat(100))
                .build());

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).startsWith("openai had a server error (HTTP 503): upstream down upstream")
                .endsWith("…")
                .hasSizeLessThan(ErrorMapper.QUOTE_LIMIT + 60);
    }

    @Test
    void contextOverflowIsContextLengthNotBadRequest() {
        ModelException failure = failureOf(jsonResponse(400, """
                {"error":{"message":"This model's maximum context length is 8192 tokens. However, your messages \
                resulted in 9000 tokens. Please reduce the length of the messages.","code":"context_length_exceeded"}}\
                """));

        assertThat(failure.kind()).isEqualTo(Kind.CONTEXT_LENGTH);
        assertThat(failure.getMessage()).startsWith("the conversation does not fit the context window of gpt-5 at "
                + "openai (HTTP 400): This model's maximum context length is 8192 tokens.");
    }

    @Test
    void unknownModelNamesTheModelAndTheBaseUrl() {
        ModelException failure = failureOf(jsonResponse(404, "{\"detail\":\"Not Found\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).isEqualTo("openai found no model 'gpt-5' at " + server.url("/v1")
                + " (HTTP 404): Not Found; check the model name and the base URL");
    }

    @Test
    void otherClientErrorsAreBadRequests() {
        ModelException failure = failureOf(jsonResponse(422, "{\"error\":{\"message\":\"tools[0] is invalid\"}}"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("openai refused the request (HTTP 422): tools[0] is invalid");
    }

    @Test
    void refusedConnectionIsNetworkAndNamesTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ModelException failure = failureOf(Map.of(ModelRequest.BASE_URL, "http://127.0.0.1:" + closedPort + "/v1"));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage())
                .isEqualTo("could not reach http://127.0.0.1:" + closedPort + "/v1/chat/completions: Connection refused");
    }

    @Test
    void silentServerTimesOutAfterTheReadTimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("{}").build());

        ModelException failure = failureOf(Map.of(ModelRequest.READ_TIMEOUT_SECONDS, "1"));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).startsWith("openai did not answer in time at " + server.url("/v1/chat/completions"))
                .endsWith("the read timeout is 1 s, set by the model option read_timeout_seconds");
    }

    @Test
    void errorObjectInsideAStreamIsServerError() {
        ModelException failure = failureOf(sse(delta(Map.of("content", "Hal")),
                "{\"error\":{\"message\":\"Upstream provider crashed\",\"code\":502}}"));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage())
                .isEqualTo("openai reported an error in its answer: Upstream provider crashed");
    }

    @Test
    void contextOverflowReportedInsideAStreamIsContextLength() {
        ModelException failure = failureOf(sse("{\"error\":\"prompt is too long: 210000 tokens > 200000 maximum\"}"));

        assertThat(failure.kind()).isEqualTo(Kind.CONTEXT_LENGTH);
        assertThat(failure.getMessage()).isEqualTo(
                "openai reported an error in its answer: prompt is too long: 210000 tokens > 200000 maximum");
    }

    @Test
    void malformedEventIsServerError() {
        ModelException failure = failureOf(sse(delta(Map.of("content", "Hal")), "{\"choices\":[{\"delta\""));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).startsWith("openai sent a malformed answer (an event is not JSON): ");
    }

    @Test
    void streamCutOffBeforeTheEndIsServerError() {
        ModelException failure = failureOf(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: " + delta(Map.of("content", "Hal")) + "\n\n").build());

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).isEqualTo("openai closed the stream before the answer was complete");
    }

    @Test
    void unusableOptionFailsAtOnceWithoutARequest() {
        ModelException failure = failure(provider.chat(new ModelRequest("gpt-5", List.of(Message.user("hi")),
                List.of(), Map.of(ModelRequest.MAX_TOKENS, "lots")), StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).isEqualTo("the model option max_tokens is 'lots'; it must be a whole number "
                + "above 0");
        assertThat(server.getRequestCount()).isZero();
    }
}
