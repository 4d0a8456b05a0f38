package hermes.runtime.internal.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelProvider;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import hermes.api.ToolCall;
import hermes.api.Usage;

/**
 * An in-process model for turn-loop tests: answers each request with the next scripted step, streams its text, and
 * records every request. The wire formats are tested against the real provider bundles elsewhere.
 */
final class ScriptedProvider implements ModelProvider {

    /** One scripted answer. */
    interface Step {
        ModelResponse answer(ModelRequest request, StreamListener listener) throws ModelException;
    }

    private final String id;
    private final ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
    private volatile Step fallback;
    final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedProvider(String id) {
        this.id = id;
    }

    ScriptedProvider then(Step step) {
        steps.add(step);
        return this;
    }

    /** Answers with {@code step} once the script is used up. */
    ScriptedProvider always(Step step) {
        fallback = step;
        return this;
    }

    static Step text(String text) {
        return (request, listener) -> {
            listener.onText(text);
            return new ModelResponse(Message.assistant(text), new Usage(10, 5, 0, 0, 0), "stop", request.model());
        };
    }

    static Step tools(ToolCall... calls) {
        return (request, listener) -> new ModelResponse(new Message(Message.Role.ASSISTANT, List.<ContentPart>of(),
                List.of(calls), Optional.empty(), Optional.empty(), Optional.empty()), new Usage(10, 5, 0, 0, 0),
                "tool_calls", request.model());
    }

    static Step fail(ModelException.Kind kind) {
        return (request, listener) -> {
            throw new ModelException(kind, "scripted " + kind);
        };
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelCall chat(ModelRequest request, StreamListener listener) {
        requests.add(request);
        Step step = steps.poll();
        Step chosen = step != null ? step : fallback;
        CompletableFuture<ModelResponse> response = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                if (chosen == null) {
                    throw new ModelException(ModelException.Kind.SERVER, "the script ran out");
                }
                response.complete(chosen.answer(request, listener));
            } catch (ModelException | RuntimeException e) {
                response.completeExceptionally(e);
            }
        });
        return new ModelCall() {
            @Override
            public CompletionStage<ModelResponse> response() {
                return response;
            }

            @Override
            public void cancel() {
                response.completeExceptionally(new ModelException(ModelException.Kind.CANCELLED, "cancelled"));
            }
        };
    }
}
