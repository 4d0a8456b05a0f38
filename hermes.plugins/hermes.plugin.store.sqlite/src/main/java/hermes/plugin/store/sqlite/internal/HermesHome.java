package hermes.plugin.store.sqlite.internal;

import java.nio.file.Path;

/** Where {@code HERMES_HOME} is: the framework property, else the environment variable, else {@code ~/.hermes}. */
final class HermesHome {

    private HermesHome() {
    }

    /**
     * @param frameworkProperty {@code hermes.home} as the launcher set it, or null
     * @param environment {@code $HERMES_HOME}, or null
     * @param userHome the {@code user.home} system property
     */
    static Path resolve(String frameworkProperty, String environment, String userHome) {
        if (frameworkProperty != null && !frameworkProperty.isBlank()) {
            return Path.of(frameworkProperty);
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        return Path.of(userHome, ".hermes");
    }
}
