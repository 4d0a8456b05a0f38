package hermes.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives a model response as it streams. Implemented by the runtime, called by providers.
 *
 * <p>Threading: a provider calls it from one thread at a time, in stream order. Implementations return quickly.
 */
@ProviderType
public interface StreamListener {

    /** A listener that ignores everything, for non-streaming calls. */
    StreamListener NONE = new StreamListener() { };

    /** A piece of the answer's text. */
    default void onText(String delta) {
    }

    /** A piece of the model's reasoning. */
    default void onReasoning(String delta) {
    }

    /** A tool call began streaming (its arguments arrive later and are only whole in the final response). */
    default void onToolCallStarted(String callId, String toolName) {
    }
}
