package hermes.plugin.provider.anthropic.internal;

import static hermes.plugin.provider.anthropic.internal.TestSupport.eventStream;
import static hermes.plugin.provider.anthropic.internal.TestSupport.failure;
import static hermes.plugin.provider.anthropic.internal.TestSupport.jsonAnswer;
import static hermes.plugin.provider.anthropic.internal.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hermes.api.Message;
import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelException.Kind;
import hermes.api.ModelRequest;
import hermes.api.StreamListener;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;

class ProviderFailureTest {

    private final MockWebServer server = new MockWebServer();
    private final AnthropicMessagesProvider provider = new AnthropicMessagesProvider();
    /** Holds a streaming body open until the test ends. */
    private final CountDownLatch endOfTest = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        endOfTest.countDown();
        provider.deactivate();
        server.close();
    }

    private ModelCall chat(StreamListener listener, String... extra) {
        Map<String, String> options = new HashMap<>(Map.of(ModelRequest.BASE_URL, server.url("/").toString(),
                ModelRequest.API_KEY, "sk-ant-test", ModelRequest.PROVIDER, "anthropic"));
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return provider.chat(new ModelRequest("claude-test", List.of(Message.user("hi")), List.of(), options),
                listener);
    }

    private static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    @Test
    void unauthorizedIsAnAuthenticationFailureWithTheServersMessage() throws Exception {
        server.enqueue(jsonAnswer(401, error("authentication_error", "invalid x-api-key")));

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.getMessage()).isEqualTo("anthropic rejected the API key (HTTP 401): invalid x-api-key");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void tooManyRequestsIsRateLimited() throws Exception {
        server.enqueue(jsonAnswer(429, error("rate_limit_error", "slow down")));

        ModelException failure = failure(chat(StreamListener.NONE, ModelRequest.STREAM, "false"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).contains("HTTP 429").contains("slow down");
    }

    @Test
    void overloadedIsAServerFailureWorthRetrying() throws Exception {
        server.enqueue(jsonAnswer(529, error("overloaded_error", "Overloaded")));

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).isEqualTo("anthropic is overloaded (HTTP 529): Overloaded");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void promptTooLongIsAContextLengthFailure() throws Exception {
        server.enqueue(jsonAnswer(400, error("invalid_request_error",
                "prompt is too long: 208310 tokens > 200000 maximum")));

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.CONTEXT_LENGTH);
        assertThat(failure.getMessage()).contains("208310 tokens > 200000 maximum");
    }

    @Test
    void anyOtherClientErrorIsABadRequestWithAShortenedMessage() throws Exception {
        server.enqueue(jsonAnswer(400, error("invalid_request_error", "x".repeat(2000))));

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).startsWith("anthropic refused the request (HTTP 400): xxx")
                .hasSizeLessThan(AnthropicErrors.MAX_MESSAGE_CHARS + 100);
    }

    @Test
    void aRefusedConnectionIsANetworkFailureNamingTheUrl() throws Exception {
        String url = server.url("/").toString();
        server.close();

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
        assertThat(failure.getMessage()).contains("could not reach anthropic at " + url + "v1/messages");
    }

    @Test
    void silenceLongerThanTheReadTimeoutIsATimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());

        ModelException failure = failure(chat(StreamListener.NONE, ModelRequest.READ_TIMEOUT_SECONDS, "1"));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("sent nothing for 1 s");
    }

    @Test
    void anErrorEventMidStreamFailsTheCallAsAServerFailure() throws Exception {
        server.enqueue(eventStream(sse(
                "{\"type\":\"message_start\",\"message\":{\"model\":\"m\",\"content\":[],\"usage\":{}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                AnthropicMessagesProviderTest.textDelta(0, "Half an ans"),
                error("overloaded_error", "Overloaded"))));
        TestSupport.RecordingListener listener = new TestSupport.RecordingListener();

        ModelException failure = failure(chat(listener));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).isEqualTo("anthropic failed mid-stream (overloaded_error): Overloaded");
        assertThat(listener.heard).containsExactly("text:Half an ans");
    }

    @Test
    void aStreamOfGarbageIsAServerFailure() throws Exception {
        server.enqueue(eventStream("event: content_block_delta\ndata: {not json\n\n"));

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).contains("a stream event that is not JSON");
    }

    @Test
    void aStreamThatStopsBeforeMessageStopIsAServerFailure() throws Exception {
        server.enqueue(eventStream(sse(
                "{\"type\":\"message_start\",\"message\":{\"model\":\"m\",\"content\":[],\"usage\":{}}}")));

        ModelException failure = failure(chat(StreamListener.NONE));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER);
        assertThat(failure.getMessage()).contains("ended before message_stop");
    }

    @Test
    void anUnusableOptionFailsTheCallWithoutSendingIt() throws Exception {
        ModelException failure = failure(chat(StreamListener.NONE, ModelRequest.REASONING_EFFORT, "enormous"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).contains("reasoning_effort 'enormous' is unknown");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void cancellingMidStreamCompletesTheCallAsCancelledAtOnce() throws Exception {
        byte[] firstEvents = sse(
                "{\"type\":\"message_start\",\"message\":{\"model\":\"m\",\"content\":[],\"usage\":{}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                AnthropicMessagesProviderTest.textDelta(0, "Once upon")).getBytes(StandardCharsets.UTF_8);
        server.enqueue(new MockResponse.Builder().setHeader("content-type", "text/event-stream")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws java.io.IOException {
                        sink.write(firstEvents).flush();
                        try {
                            endOfTest.await(TestSupport.WAIT_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build());
        CountDownLatch firstText = new CountDownLatch(1);
        TestSupport.RecordingListener listener = new TestSupport.RecordingListener() {
            @Override
            public void onText(String delta) {
                super.onText(delta);
                firstText.countDown();
            }
        };
        ModelCall call = chat(listener);
        assertThat(firstText.await(TestSupport.WAIT_SECONDS, TimeUnit.SECONDS)).as("the stream started").isTrue();

        long start = System.nanoTime();
        call.cancel();
        call.cancel();
        ModelException failure = failure(call);

        assertThat(failure.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(TestSupport.WAIT_SECONDS);
        assertThat(listener.heard).containsExactly("text:Once upon");
    }
}
