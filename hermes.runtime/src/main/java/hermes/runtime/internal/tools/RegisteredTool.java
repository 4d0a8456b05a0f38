package hermes.runtime.internal.tools;

import hermes.api.Tool;
import hermes.api.ToolSpec;

/**
 * One tool offered to the registry, by a service or a {@link hermes.api.ToolSource}. The registry is the only place that
 * holds the tool object; sessions and the loop hold names (DESIGN §8.1).
 *
 * @param order registration order (service id, or a counter for source tools); later wins within one toolset
 * @param bundleId the bundle that provides it, to tell which plugin a tool belongs to
 * @param origin a bundle symbolic name or a plugin jar's file name, for {@code /tools}
 */
record RegisteredTool(long order, Tool tool, ToolSpec spec, long bundleId, String origin, InFlight inFlight) {

    RegisteredTool(long order, Tool tool, ToolSpec spec, long bundleId, String origin) {
        this(order, tool, spec, bundleId, origin, new InFlight());
    }

}
