package hermes.runtime.internal.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Configuration;

/** {@link Configuration} for plugins, over the runtime's own {@link Settings}. */
@Component(service = Configuration.class)
public final class ConfigurationService implements Configuration {

    private final Settings settings;

    @Activate
    public ConfigurationService(@Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public Path home() {
        return settings.home().root();
    }

    @Override
    public Optional<Object> get(String key) throws IOException {
        return settings.config().get(key);
    }

    @Override
    public Optional<String> secret(String name) {
        return settings.secrets().get(name);
    }
}
