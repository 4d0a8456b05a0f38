package hermes.plugin.terminal.local.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of the JVM's environment variables a command may see. Hermes runs with the user's provider keys in its
 * environment; a command the model wrote must not be able to print them, so variables whose names look like secrets are
 * dropped unless the user lists them in {@code terminal.env_passthrough}.
 */
final class ChildEnvironment {

    /** Name fragments that mark a secret, matched case-insensitively anywhere in the name (covers {@code *_API_KEY}). */
    private static final List<String> SECRET_FRAGMENTS =
            List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH");

    /**
     * Names that match a fragment but hold no secret: a socket path and a cookie-file path that ssh, git and X clients
     * need. Stripping them breaks {@code git push} over ssh while protecting nothing.
     */
    private static final Set<String> KNOWN_HARMLESS = Set.of("SSH_AUTH_SOCK", "XAUTHORITY");

    private ChildEnvironment() {
    }

    /** Whether a variable of this name is treated as a secret. */
    static boolean isSecretName(String name) {
        if (KNOWN_HARMLESS.contains(name)) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_FRAGMENTS.stream().anyMatch(upper::contains);
    }

    /**
     * The variables of {@code environment} a child may inherit: everything except secret-looking names, which pass only
     * when listed in {@code passthrough}.
     */
    static Map<String, String> filter(Map<String, String> environment, Collection<String> passthrough) {
        Set<String> allowed = Set.copyOf(passthrough);
        Map<String, String> kept = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (allowed.contains(name) || !isSecretName(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
