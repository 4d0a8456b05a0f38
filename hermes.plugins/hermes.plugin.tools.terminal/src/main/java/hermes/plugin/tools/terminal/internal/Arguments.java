package hermes.plugin.tools.terminal.internal;

import java.util.Map;
import java.util.Optional;

import hermes.api.ToolCall;
import hermes.api.ToolContext;

/**
 * Typed access to a call's arguments and to numeric settings. Models send numbers as strings and booleans as
 * {@code "true"} often enough that both are accepted; anything else fails with a message the model can act on.
 */
final class Arguments {

    private final String tool;
    private final Map<String, Object> values;

    private Arguments(String tool, Map<String, Object> values) {
        this.tool = tool;
        this.values = values;
    }

    /** @throws IllegalArgumentException when the arguments are not a JSON object */
    static Arguments of(ToolCall call) {
        return new Arguments(call.name(), call.parsedArguments());
    }

    /** A non-blank string argument. */
    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::valueOf).filter(value -> !value.isBlank());
    }

    /** A string argument that must be present and not blank. */
    String requiredText(String key) {
        return text(key).orElseThrow(() -> new IllegalArgumentException(
                tool + " needs a non-empty '" + key + "' argument"));
    }

    /** A string argument exactly as given, empty strings included ({@code data} may be ""). */
    Optional<String> rawText(String key) {
        return Optional.ofNullable(values.get(key)).map(String::valueOf);
    }

    /** A boolean argument; absent means false. */
    boolean flag(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = String.valueOf(value).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, not '" + value + "'");
    }

    /** A numeric argument. */
    Optional<Double> number(String key) {
        return Optional.ofNullable(values.get(key)).map(value -> asNumber(key, value));
    }

    /** A whole-number argument. */
    Optional<Long> whole(String key) {
        return number(key).map(Math::round);
    }

    /** A numeric setting of the session's configuration, or {@code fallback} when it is not set. */
    static double setting(ToolContext context, String key, double fallback) {
        return context.config(key).map(value -> asNumber(key, value)).orElse(fallback);
    }

    private static double asNumber(String key, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + key + "' must be a number, not '" + value + "'");
        }
    }
}
