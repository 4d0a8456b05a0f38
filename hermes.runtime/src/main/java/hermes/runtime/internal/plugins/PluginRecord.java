package hermes.runtime.internal.plugins;

import java.util.Optional;

import hermes.api.PluginInfo;

/**
 * What the deployer knows of one jar in the plugins folder.
 *
 * @param file the jar's file name
 * @param bundleId its bundle, or {@code -1} when none is installed
 * @param kind how it was loaded
 * @param error what went wrong when it was last deployed
 * @param disabled listed in {@code plugins.disabled}
 */
record PluginRecord(String file, long bundleId, PluginInfo.Kind kind, Optional<String> error, boolean disabled) {

    static final long NO_BUNDLE = -1;

    PluginRecord withError(String message) {
        return new PluginRecord(file, bundleId, kind, Optional.of(message), disabled);
    }
}
