package hermes.plugin.skills.internal;

import java.util.Map;
import java.util.Optional;

import hermes.api.ToolCall;

/** A tool call's arguments, read leniently (a number or boolean given as text is fine) with errors for the model. */
final class ToolArguments {

    private final Map<String, Object> values;

    private ToolArguments(Map<String, Object> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException when the arguments are not a JSON object */
    static ToolArguments of(ToolCall call) {
        return new ToolArguments(call.parsedArguments());
    }

    Optional<String> text(String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** A non-blank value, or the error {@code hint} explains. */
    String required(String key, String hint) {
        return text(key).filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required: " + hint));
    }

    /** A value that may be empty but must be given (new_string may delete). */
    String present(String key, String hint) {
        return text(key).orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required: " + hint));
    }

    boolean bool(String key, boolean otherwise) {
        return text(key).map(value -> value.equalsIgnoreCase("true")).orElse(otherwise);
    }
}
