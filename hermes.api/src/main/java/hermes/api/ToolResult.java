package hermes.api;

import java.util.Objects;

/**
 * What a tool call gave back to the model.
 *
 * @param content the text the model reads (tools conventionally answer JSON)
 * @param error whether the call failed; the model still reads {@code content}
 */
public record ToolResult(String content, boolean error) {
    public ToolResult {
        Objects.requireNonNull(content, "content");
    }

    public static ToolResult ok(String content) {
        return new ToolResult(content, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(message, true);
    }
}
