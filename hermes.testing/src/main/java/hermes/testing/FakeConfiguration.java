package hermes.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import hermes.api.Configuration;

/**
 * A {@link Configuration} held in maps, for tests of plugins that read settings: config.yaml values by dotted key,
 * secrets by name. Change them while a test runs.
 */
public final class FakeConfiguration implements Configuration {

    private final Path home;
    private final Map<String, Object> config = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    public FakeConfiguration(Path home) {
        this.home = home;
    }

    public FakeConfiguration set(String key, Object value) {
        config.put(key, value);
        return this;
    }

    public FakeConfiguration secret(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    public FakeConfiguration unset(String name) {
        config.remove(name);
        secrets.remove(name);
        return this;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Optional<Object> get(String key) {
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }
}
