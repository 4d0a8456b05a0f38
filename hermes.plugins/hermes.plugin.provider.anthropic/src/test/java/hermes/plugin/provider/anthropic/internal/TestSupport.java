package hermes.plugin.provider.anthropic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import mockwebserver3.MockResponse;

/** Shared helpers: JSON trees, SSE bodies, waiting for calls, and a listener that records what it heard. */
final class TestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: the CI machine has two cores; a passing test returns long before this. */
    static final long WAIT_SECONDS = 10;

    private TestSupport() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("test JSON does not parse: " + text, e);
        }
    }

    /** An SSE body: each argument is one event's JSON data (compacted onto one line), named by its {@code type}. */
    static String sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            JsonNode data = json(event);
            body.append("event: ").append(data.path("type").asText()).append('\n')
                    .append("data: ").append(data).append("\n\n");
        }
        return body.toString();
    }

    static MockResponse eventStream(String body) {
        return new MockResponse.Builder().setHeader("content-type", "text/event-stream").body(body).build();
    }

    static MockResponse jsonAnswer(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("content-type", "application/json").body(body).build();
    }

    static ModelResponse await(ModelCall call) throws InterruptedException, TimeoutException {
        try {
            return call.response().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the call failed", e.getCause());
        }
    }

    static ModelException failure(ModelCall call) throws InterruptedException, TimeoutException {
        try {
            ModelResponse response = call.response().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return fail("expected a failure, got " + response);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ModelException.class);
            return (ModelException) e.getCause();
        }
    }

    /** Records every listener call as {@code text:…}, {@code reasoning:…} or {@code tool:id:name}. */
    static class RecordingListener implements StreamListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void onText(String delta) {
            heard.add("text:" + delta);
        }

        @Override
        public void onReasoning(String delta) {
            heard.add("reasoning:" + delta);
        }

        @Override
        public void onToolCallStarted(String callId, String toolName) {
            heard.add("tool:" + callId + ":" + toolName);
        }
    }
}
