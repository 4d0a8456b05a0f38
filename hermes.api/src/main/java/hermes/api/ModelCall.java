package hermes.api;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model request in flight. Implemented by providers.
 *
 * <p>Threading: both methods may be called from any thread.
 */
@ConsumerType
public interface ModelCall {

    /**
     * Completes with the whole response once the stream ended, or exceptionally with a {@link ModelException} (also
     * after {@link #cancel()}, with {@link ModelException.Kind#CANCELLED}).
     */
    CompletionStage<ModelResponse> response();

    /** Aborts the request and closes its connection. Idempotent. */
    void cancel();
}
