package hermes.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One model API wire format (OpenAI-compatible Chat Completions, Anthropic Messages, …). Registered with the service
 * property {@code hermes.id} equal to {@link #id()}. The runtime's router maps a user-facing provider name
 * ({@code openrouter}, {@code zai}, {@code custom}, …) to a wire format plus endpoint, and passes the endpoint in the
 * request's options ({@link ModelRequest#BASE_URL}, {@link ModelRequest#API_KEY}); a provider whose id is not a known
 * provider name is addressed directly as {@code <id>:<model>}.
 *
 * <p>Threading: {@link #chat} is called from many threads at once and must not block: it starts the request and returns
 * a {@link ModelCall} at once; the listener is called on the provider's thread, in order, one event at a time.
 *
 * <p>Errors: failures complete {@link ModelCall#response()} exceptionally with a {@link ModelException} saying whether a
 * retry may help; the runtime does the retrying and the fallback to other providers.
 */
@ConsumerType
public interface ModelProvider {

    /**
     * The wire format's id, the original's {@code api_mode}: {@code chat_completions}, {@code anthropic_messages}; or a
     * plugin's own provider name.
     */
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
