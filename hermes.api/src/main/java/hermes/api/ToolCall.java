package hermes.api;

import java.util.Objects;

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
}
