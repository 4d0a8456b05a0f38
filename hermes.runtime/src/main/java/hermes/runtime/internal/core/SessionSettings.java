package hermes.runtime.internal.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A session's view of the configuration: its own overrides (command-line flags, {@code /yolo}, …) over
 * {@code config.yaml}. Overrides are text as typed; they are read back as YAML scalars would be ({@code true},
 * {@code 90}, text), so a tool sees the same types either way.
 *
 * <p>Threading: safe for concurrent use.
 */
final class SessionSettings {

    private final Function<String, Optional<Object>> file;
    private final Map<String, String> overrides = new ConcurrentHashMap<>();

    SessionSettings(Function<String, Optional<Object>> file, Map<String, String> overrides) {
        this.file = file;
        this.overrides.putAll(overrides);
    }

    /** A view of {@code config} that throws {@link UncheckedIOException} when the file cannot be read. */
    static Function<String, Optional<Object>> reading(hermes.runtime.internal.config.ConfigFile config) {
        return key -> {
            try {
                return config.get(key);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + config.path() + ": " + e.getMessage(), e);
            }
        };
    }

    void override(Map<String, String> settings) {
        overrides.putAll(settings);
    }

    Optional<Object> get(String key) {
        String override = overrides.get(key);
        if (override != null) {
            return Optional.of(scalar(override));
        }
        return file.apply(key);
    }

    Optional<String> text(String key) {
        return get(key).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
    }

    int integer(String key, int fallback) {
        Optional<Object> value = get(key);
        if (value.isPresent() && value.get() instanceof Number n) {
            return n.intValue();
        }
        try {
            return value.map(v -> Integer.parseInt(String.valueOf(v).strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    boolean flag(String key, boolean fallback) {
        return get(key).map(v -> v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v).strip()))
                .orElse(fallback);
    }

    List<String> strings(String key) {
        Optional<Object> value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = String.valueOf(value.get()).strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }

    private static Object scalar(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
