package hermes.plugin.provider.anthropic.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelResponse;

/**
 * One request in flight. The first outcome wins: a response, a failure, or {@link #cancel()}; whatever the HTTP call
 * reports after that is dropped.
 *
 * <p>Thread-safe.
 */
final class MessagesCall implements ModelCall {

    private final CompletableFuture<ModelResponse> response = new CompletableFuture<>();
    private final String provider;
    private volatile Runnable abort = () -> { };

    MessagesCall(String provider) {
        this.provider = provider;
    }

    /** Hands over the way to close the HTTP call; closes it at once when the call was already cancelled. */
    void onAbort(Runnable abort) {
        this.abort = abort;
        if (response.isDone()) {
            abort.run();
        }
    }

    /** Whether the outcome is known; events arriving after that are not passed on. */
    boolean isDone() {
        return response.isDone();
    }

    void complete(ModelResponse value) {
        response.complete(value);
    }

    void fail(ModelException failure) {
        response.completeExceptionally(failure);
    }

    @Override
    public CompletionStage<ModelResponse> response() {
        // A minimal stage: callers cannot complete or cancel the provider's future behind its back.
        return response.minimalCompletionStage();
    }

    @Override
    public void cancel() {
        if (response.completeExceptionally(
                new ModelException(ModelException.Kind.CANCELLED, "the request to " + provider + " was cancelled"))) {
            abort.run();
        }
    }
}
