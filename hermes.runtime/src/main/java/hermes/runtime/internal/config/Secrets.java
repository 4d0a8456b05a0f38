package hermes.runtime.internal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * API keys and other secrets: {@code $HERMES_HOME/.env} first, then the process environment. The original lets the
 * home's {@code .env} override stale shell exports, so a key fixed with {@code hermes config set} wins at once.
 *
 * <p>Threading: safe for concurrent use; the file is re-read when its modification time changes.
 */
public final class Secrets {

    private final Path file;
    private final Function<String, String> environment;
    private volatile Loaded loaded = new Loaded(null, Map.of());

    private record Loaded(FileTime stamp, Map<String, String> values) {
    }

    public Secrets(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** The value of {@code name}, when it is set to something non-blank. */
    public Optional<String> get(String name) {
        String fromFile = values().get(name);
        if (fromFile != null && !fromFile.isBlank()) {
            return Optional.of(fromFile);
        }
        return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
    }

    private Map<String, String> values() {
        try {
            FileTime stamp = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            Loaded current = loaded;
            if (stamp == null) {
                return Map.of();
            }
            if (!stamp.equals(current.stamp())) {
                current = new Loaded(stamp, Map.copyOf(new EnvFile(file).read()));
                loaded = current;
            }
            return current.values();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
