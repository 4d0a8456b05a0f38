package hermes.runtime.internal.config;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The runtime's view of {@code $HERMES_HOME}: where it is (framework property {@code hermes.home}, set by the launcher)
 * and its {@code config.yaml}. Creates the original's layout on first run.
 */
@Component(service = Settings.class)
public final class Settings {

    /** The framework property the launcher sets to the configuration directory. */
    public static final String HOME_PROPERTY = "hermes.home";

    private final HermesHome home;
    private final ConfigFile config;
    private final Secrets secrets;

    @Activate
    public Settings(BundleContext context) throws IOException {
        this(HermesHome.locate(context.getProperty(HOME_PROPERTY)));
        // the first read of config.yaml loads Jackson's YAML classes (about 30 ms): done now, in the background, it is
        // off the path of a one-shot's turn; a broken file is reported where a setting is used, not here
        Thread.ofVirtual().name("hermes-config-warmup").start(() -> {
            try {
                config.snapshot();
            } catch (IOException | RuntimeException reportedOnUse) {
                // see above
            }
        });
    }

    public Settings(HermesHome home) throws IOException {
        this.home = home;
        home.ensureLayout();
        this.config = new ConfigFile(home);
        this.secrets = config.secrets();
    }

    public HermesHome home() {
        return home;
    }

    public ConfigFile config() {
        return config;
    }

    /** API keys: {@code .env} over the process environment. */
    public Secrets secrets() {
        return secrets;
    }
}
