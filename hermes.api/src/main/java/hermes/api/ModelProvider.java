package hermes.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One model API wire format and its endpoint family (OpenAI-compatible Chat Completions, Anthropic Messages, …).
 * Registered with the service property {@code hermes.id} equal to {@link #id()}.
 *
 * <p>Threading: {@link #chat} is called from many threads at once and must not block: it starts the request and returns
 * a {@link ModelCall} at once; the listener is called on the provider's thread, in order, one event at a time.
 *
 * <p>Errors: failures complete {@link ModelCall#response()} exceptionally with a {@link ModelException} saying whether a
 * retry may help; the runtime does the retrying and the fallback to other providers.
 */
@ConsumerType
public interface ModelProvider {

    /** The provider id used in {@code provider:model} (for example {@code openrouter}, {@code anthropic}). */
    String id();

    /**
     * Starts one model request.
     *
     * @param request the full request: model, messages, tools, options
     * @param listener receives the streamed deltas as they arrive; may be {@link StreamListener#NONE}
     * @return the running call: its response, and a way to cancel it
     */
    ModelCall chat(ModelRequest request, StreamListener listener);
}
