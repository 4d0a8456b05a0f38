package hermes.testing;

import java.util.Objects;

/**
 * One tool call a scripted {@link Reply} asks the client to make.
 *
 * <p>{@code arguments} is sent exactly as given, so a test can script malformed JSON to exercise the client's
 * handling of it. The one exception is a non-streamed Anthropic reply, whose {@code input} must be a JSON object:
 * there the server answers HTTP 500 with an explanation when the arguments do not parse.
 *
 * @param id the call id the client must echo in the tool result (for example {@code call_1} or {@code toolu_01})
 * @param name the tool name
 * @param arguments the arguments as JSON text, for example {@code {"path":"a.txt"}}
 */
public record ToolCallReply(String id, String name, String arguments) {

    public ToolCallReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("a tool call needs a non-blank id and name, got id='" + id
                    + "' name='" + name + "'");
        }
    }

    /** A tool call with the given id, tool name and JSON arguments text. */
    public static ToolCallReply of(String id, String name, String arguments) {
        return new ToolCallReply(id, name, arguments);
    }
}
