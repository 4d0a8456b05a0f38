package hermes.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A jar in the plugins folder, as {@code /plugins} shows it.
 *
 * @param name the bundle symbolic name (or the jar's file name while it could not be read)
 * @param version the bundle version, or empty
 * @param file the jar's file name in the plugins folder
 * @param kind how it was loaded
 * @param state where it stands
 * @param lastError what went wrong last, with what to do about it
 * @param tools the tools it provides now
 */
public record PluginInfo(String name, Optional<String> version, String file, Kind kind, State state,
                         Optional<String> lastError, List<String> tools) {

    public PluginInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        tools = List.copyOf(tools);
    }

    /** How the jar became a bundle. */
    public enum Kind {
        /** It carries OSGi headers. */
        BUNDLE,
        /** A plain jar with {@code META-INF/services/hermes.api.*} entries, wrapped by the runtime. */
        PLAIN_JAR,
        /** Not known yet (unreadable jar). */
        UNKNOWN
    }

    public enum State {
        /** Started and all its components are active. */
        ACTIVE,
        /** Installed, waiting for something (resolution, a dependency service). */
        INSTALLED,
        /** Could not be read, resolved, started, or a component failed: see {@code lastError}. */
        FAILED,
        /** Listed in {@code plugins.disabled}; not loaded. */
        DISABLED
    }
}
