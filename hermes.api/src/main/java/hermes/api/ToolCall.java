package hermes.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool call as the model made it.
 *
 * @param id the provider's call id, echoed in the result message
 * @param name the tool name
 * @param arguments the arguments as JSON object text (exactly what the model produced; it may be malformed)
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * The arguments parsed: a JSON object becomes a map in key order (nested objects are maps, arrays lists, numbers
     * {@code Long} or {@code Double}; null members are left out). Blank arguments are an empty map.
     *
     * @throws IllegalArgumentException when the arguments are not a JSON object; the message suits the model
     */
    public Map<String, Object> parsedArguments() {
        if (arguments.isBlank()) {
            return Map.of();
        }
        Object value = JsonReader.parse(arguments);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the arguments of " + name + " must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        return members;
    }

    /** One string argument, if present (a number or boolean is given as its text). */
    public Optional<String> argument(String key) {
        return Optional.ofNullable(parsedArguments().get(key)).map(String::valueOf);
    }
}
