package hermes.plugin.provider.openai.internal;

import static hermes.plugin.provider.openai.internal.TestSupport.answer;
import static hermes.plugin.provider.openai.internal.TestSupport.chunk;
import static hermes.plugin.provider.openai.internal.TestSupport.delta;
import static hermes.plugin.provider.openai.internal.TestSupport.failure;
import static hermes.plugin.provider.openai.internal.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.ToolCall;
import hermes.api.Usage;
import hermes.plugin.provider.openai.internal.TestSupport.RecordingListener;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;

/** Streamed answers reassembled from server-sent events on a real loopback HTTP server. */
class ChatCompletionsStreamingTest {

    private final MockWebServer server = new MockWebServer();
    private final ChatCompletionsProvider provider = new ChatCompletionsProvider();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        provider.deactivate();
        server.close();
    }

    private ModelCall chat() {
        return provider.chat(new ModelRequest("test-model", List.of(Message.user("go")), List.of(),
                Map.of(ModelRequest.BASE_URL, server.url("/v1").toString(), ModelRequest.PROVIDER, "custom")),
                listener);
    }

    private static String finish(String reason) {
        return chunk(Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", reason))));
    }

    private static String toolStart(int index, String id, String name, String arguments) {
        return delta(Map.of("tool_calls", List.of(Map.of("index", index, "id", id, "type", "function",
                "function", Map.of("name", name, "arguments", arguments)))));
    }

    private static String toolArguments(int index, String piece) {
        return delta(Map.of("tool_calls", List.of(Map.of("index", index, "function", Map.of("arguments", piece)))));
    }

    @Test
    void streamedTextArrivesAsDeltasAndAsOneMessageWithUsageAndCachedTokens() throws Exception {
        server.enqueue(sse(delta(Map.of("role", "assistant", "content", "")), delta(Map.of("content", "Hello")),
                delta(Map.of("content", ", wor")), delta(Map.of("content", "ld!")), finish("stop"),
                chunk(Map.of("model", "test-model", "choices", List.of(), "usage", Map.of("prompt_tokens", 2006,
                        "completion_tokens", 300, "prompt_tokens_details", Map.of("cached_tokens", 1920),
                        "completion_tokens_details", Map.of("reasoning_tokens", 128))))));

        ModelResponse response = answer(chat());

        assertThat(listener.events).containsExactly("text:Hello", "text:, wor", "text:ld!");
        assertThat(response).isEqualTo(new ModelResponse(Message.assistant("Hello, world!"),
                new Usage(2006, 300, 1920, 0, 128), "stop", "test-model"));
    }

    @Test
    void parallelToolCallsInterleavedByIndexAreReassembledExactly() throws Exception {
        // arguments break mid-word, mid-escape-free string and between the two halves of a surrogate pair
        String face = "\uD83D\uDE00";
        server.enqueue(sse(toolStart(0, "call_a", "read_file", ""), toolArguments(0, "{\"pa"),
                toolStart(1, "call_b", "search_files", "{\"pattern\":"),
                toolArguments(0, "th\":\"caf\u00e9 " + face.charAt(0)), toolArguments(1, " \"TO"),
                toolArguments(0, face.charAt(1) + ".txt\"}"), toolArguments(1, "DO\"}"),
                finish("tool_calls")));

        ModelResponse response = answer(chat());

        assertThat(listener.events).containsExactly("tool:call_a:read_file", "tool:call_b:search_files");
        assertThat(response.message().toolCalls()).containsExactly(
                new ToolCall("call_a", "read_file", "{\"path\":\"caf\u00e9 " + face + ".txt\"}"),
                new ToolCall("call_b", "search_files", "{\"pattern\": \"TODO\"}"));
        assertThat(response.message().content()).isEmpty();
        assertThat(response.finishReason()).isEqualTo("tool_calls");
        assertThat(response.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void thinkTagsSplitAcrossChunksBecomeReasoningNotText() throws Exception {
        server.enqueue(sse(delta(Map.of("content", "<thi")), delta(Map.of("content", "nk>Plan the")),
                delta(Map.of("content", " answer.</th")), delta(Map.of("content", "ink>\n\nFour")),
                delta(Map.of("content", ".")), finish("stop")));

        ModelResponse response = answer(chat());

        assertThat(listener.events).containsExactly("reasoning:Plan the", "reasoning: answer.", "text:Four", "text:.");
        assertThat(response.message()).isEqualTo(new Message(Message.Role.ASSISTANT,
                List.of(new ContentPart.Text("Four.")), List.of(), Optional.empty(), Optional.of("Plan the answer."),
                Optional.empty()));
    }

    @Test
    void listenerHearsReasoningTextAndToolStartsInStreamOrder() throws Exception {
        server.enqueue(sse(delta(Map.of("reasoning_content", "I should ")), delta(Map.of("reasoning_content", "look.")),
                delta(Map.of("content", "Checking.")),
                toolStart(0, "call_1", "terminal", "{\"command\":\"ls\"}"),
                // a server that says "stop" after calling a tool: the loop must still see tool_calls
                finish("stop")));

        ModelResponse response = answer(chat());

        assertThat(listener.events).containsExactly("reasoning:I should ", "reasoning:look.", "text:Checking.",
                "tool:call_1:terminal");
        assertThat(response.message()).isEqualTo(new Message(Message.Role.ASSISTANT,
                List.of(new ContentPart.Text("Checking.")), List.of(new ToolCall("call_1", "terminal",
                "{\"command\":\"ls\"}")), Optional.empty(), Optional.of("I should look."), Optional.empty()));
        assertThat(response.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void finishReasonsAreNormalised() throws Exception {
        server.enqueue(sse(delta(Map.of("content", "cut")), finish("max_tokens")));
        server.enqueue(sse(delta(Map.of("content", "hm")), finish("something_new")));

        assertThat(answer(chat()).finishReason()).isEqualTo("length");
        assertThat(answer(chat()).finishReason()).isEqualTo("stop");
    }

    @Test
    void listenerHearsAWholeAnswerOnlyWhenStreamingWasAskedFor() throws Exception {
        String whole = """
                {"model":"qwen3","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"<think>easy</think>Yes."}}]}""";
        // a server that ignores "stream": true and answers with one JSON object
        server.enqueue(TestSupport.jsonResponse(200, whole));
        server.enqueue(TestSupport.jsonResponse(200, whole));

        ModelResponse streamed = answer(chat());
        List<String> streamedEvents = List.copyOf(listener.events);
        listener.events.clear();
        ModelResponse unstreamed = answer(provider.chat(new ModelRequest("qwen3", List.of(Message.user("go")),
                List.of(), Map.of(ModelRequest.BASE_URL, server.url("/v1").toString(), ModelRequest.STREAM, "false")),
                listener));

        assertThat(streamedEvents).containsExactly("reasoning:easy", "text:Yes.");
        assertThat(listener.events).isEmpty();
        assertThat(unstreamed).isEqualTo(streamed);
        assertThat(streamed).isEqualTo(new ModelResponse(new Message(Message.Role.ASSISTANT,
                List.of(new ContentPart.Text("Yes.")), List.of(), Optional.empty(), Optional.of("easy"),
                Optional.empty()), Usage.NONE, "stop", "qwen3"));
    }

    @Test
    void cancelMidStreamFailsWithCancelledAndClosesTheConnection() throws Exception {
        StallingBody body = new StallingBody(delta(Map.of("content", "Once upon")));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
        ModelCall call = chat();
        assertThat(body.firstEventSent.await(10, TimeUnit.SECONDS)).isTrue();
        waitFor(() -> listener.events.contains("text:Once upon"));

        call.cancel();

        ModelException failure = failure(call);
        assertThat(failure.kind()).isEqualTo(ModelException.Kind.CANCELLED);
        assertThat(failure.getMessage()).isEqualTo("the request to custom was cancelled");
        body.release.countDown();
        assertThat(body.clientGone.await(10, TimeUnit.SECONDS)).as("the server saw the connection close").isTrue();
        assertThat(listener.events).containsExactly("text:Once upon");
    }

    @Test
    void deactivationCancelsCallsInFlight() throws Exception {
        StallingBody body = new StallingBody(delta(Map.of("content", "Once upon")));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
        ModelCall call = chat();
        assertThat(body.firstEventSent.await(10, TimeUnit.SECONDS)).isTrue();

        provider.deactivate();

        assertThat(failure(call).kind()).isEqualTo(ModelException.Kind.CANCELLED);
        body.release.countDown();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /**
     * Sends one event, then stalls like a model that thinks for a long time; once released it keeps writing until the
     * client's side of the connection is gone.
     */
    private static final class StallingBody implements MockResponseBody {

        final CountDownLatch firstEventSent = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch clientGone = new CountDownLatch(1);
        private final String firstEvent;

        StallingBody(String firstEvent) {
            this.firstEvent = firstEvent;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("data: " + firstEvent + "\n\n").flush();
            firstEventSent.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < 1000; i++) {
                    sink.writeUtf8("data: " + delta(Map.of("content", " a time")) + "\n\n").flush();
                    Thread.sleep(10);
                }
            } catch (IOException e) {
                clientGone.countDown();
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
