package hermes.plugin.cron.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import hermes.api.Configuration;

/** Settings held in maps: config.yaml values by dotted key, secrets by name. */
final class FakeConfiguration implements Configuration {

    private final Path home;
    private final Map<String, Object> config = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    FakeConfiguration(Path home) {
        this.home = home;
    }

    FakeConfiguration set(String key, Object value) {
        config.put(key, value);
        return this;
    }

    FakeConfiguration secret(String name, String value) {
        secrets.put(name, value);
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
