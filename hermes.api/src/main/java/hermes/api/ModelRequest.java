package hermes.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a model.
 *
 * @param model the provider's model name (without the {@code provider:} prefix)
 * @param messages the conversation, system prompt first
 * @param tools the tools the model may call (empty for a tool-less call)
 * @param options provider options as strings, keyed by the constants below; providers ignore keys they do not know
 */
public record ModelRequest(String model, List<Message> messages, List<ToolSpec> tools, Map<String, String> options) {

    /** The endpoint's base URL, for example {@code https://openrouter.ai/api/v1}; providers have a default. */
    public static final String BASE_URL = "base_url";
    /** The API key, resolved by the runtime from the provider's environment variables or {@code .env}. */
    public static final String API_KEY = "api_key";
    /** The user-facing provider name ({@code openrouter}, {@code custom}, {@code zai}, …), for error messages. */
    public static final String PROVIDER = "provider";
    /** {@code true} to stream the answer (deltas go to the {@link StreamListener}), {@code false} for one response. */
    public static final String STREAM = "stream";
    /** The maximum number of output tokens. */
    public static final String MAX_TOKENS = "max_tokens";
    /** Sampling temperature. */
    public static final String TEMPERATURE = "temperature";
    /** {@code none}, {@code minimal}, {@code low}, {@code medium}, {@code high} or {@code xhigh}. */
    public static final String REASONING_EFFORT = "reasoning_effort";
    /** Anthropic prompt-cache time to live: {@code 5m} (default) or {@code 1h}. */
    public static final String CACHE_TTL = "cache_ttl";
    /** How to send the key: {@code bearer} ({@code Authorization: Bearer}) or {@code x-api-key}. */
    public static final String AUTH_STYLE = "auth_style";
    /** How long to wait for data on the connection, in seconds. */
    public static final String READ_TIMEOUT_SECONDS = "read_timeout_seconds";

    public ModelRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        options = Map.copyOf(options);
    }
}
