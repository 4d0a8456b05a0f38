package hermes.plugin.provider.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Shared helpers: server-sent event bodies, JSON comparison, waiting for a call, and a listener that records. */
final class TestSupport {

    /**
     * Escapes every non-ASCII character, so a surrogate pair split across two strings survives as two {@code \\u}
     * escapes, the way a server that splits text at arbitrary points writes it.
     */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private TestSupport() {
    }

    /** A streamed answer: one {@code data:} event per chunk, then {@code [DONE]}, sent in small transport chunks. */
    static MockResponse sse(String... chunks) {
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) {
            body.append("data: ").append(chunk).append("\n\n");
        }
        body.append("data: [DONE]\n\n");
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/event-stream")
                .chunkedBody(body.toString(), 7)
                .build();
    }

    static MockResponse jsonResponse(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** A stream chunk whose only choice carries {@code delta}, written from Java values. */
    static String delta(Object delta) {
        return chunk(Map.of("model", "test-model", "choices", List.of(Map.of("index", 0, "delta", delta))));
    }

    static String chunk(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError("cannot write test JSON", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("test JSON does not parse: " + json, e);
        }
    }

    static JsonNode body(RecordedRequest request) {
        return tree(request.getBody().utf8());
    }

    static ModelResponse answer(ModelCall call) throws Exception {
        return call.response().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    static ModelException failure(ModelCall call) {
        Throwable thrown = catchThrowable(() -> call.response().toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(ModelException.class);
        return (ModelException) thrown.getCause();
    }

    /** Records every event as {@code kind:value}, in arrival order. */
    static final class RecordingListener implements StreamListener {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onText(String delta) {
            events.add("text:" + delta);
        }

        @Override
        public void onReasoning(String delta) {
            events.add("reasoning:" + delta);
        }

        @Override
        public void onToolCallStarted(String callId, String toolName) {
            events.add("tool:" + callId + ":" + toolName);
        }
    }
}
