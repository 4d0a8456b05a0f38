package hermes.plugin.tools.files.internal;

import java.util.Map;
import java.util.Optional;

import hermes.api.ToolCall;

/**
 * Typed access to a call's arguments. Every failure is an {@link IllegalArgumentException} whose message tells the
 * model which argument is wrong and what it should be.
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

    String requiredString(String key) {
        return optionalString(key).orElseThrow(
                () -> new IllegalArgumentException(tool + " needs the '" + key + "' argument (a string)"));
    }

    Optional<String> optionalString(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        throw new IllegalArgumentException("'" + key + "' must be a string");
    }

    int integer(String key, int defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Long number) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return number.intValue();
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(text.strip());
        }
        throw new IllegalArgumentException("'" + key + "' must be a whole number, not " + value);
    }

    boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, not " + value);
    }

    /** One of {@code allowed} (the first one when absent). */
    String choice(String key, String... allowed) {
        String value = optionalString(key).orElse(allowed[0]);
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + key + "' must be one of " + String.join(", ", allowed)
                + ", not '" + value + "'");
    }
}
