package hermes.plugin.cli.internal;

import java.util.List;

import hermes.api.Event;
import hermes.api.PluginInfo;

/**
 * The one line the REPL prints above the prompt when a plugin changes. The formats are part of the CLI's contract
 * (people and tests read them), so they live here, apart from the terminal code, and are tested as whole strings.
 */
final class PluginChangeLine {

    private PluginChangeLine() {
    }

    /**
     * Describes a plugin change, for example {@code plugin hello-tool 1.0.0 installed: +1 tool (hello)}.
     *
     * <ul>
     *   <li>installed: the tools that appeared, {@code +N tool(s) (names)}, or {@code no tools}</li>
     *   <li>updated: the tools the plugin has now, then {@code , +N (names)} and {@code , -N (names)} for the tools
     *       that appeared and went away</li>
     *   <li>removed: the tools that went away, {@code -N tool(s) (names)}, or {@code no tools}</li>
     *   <li>failed: the plugin's last error</li>
     * </ul>
     */
    static String of(Event.PluginChanged changed) {
        PluginInfo plugin = changed.plugin();
        String subject = "plugin " + plugin.name() + plugin.version().filter(v -> !v.isEmpty()).map(v -> " " + v)
                .orElse("");
        return switch (changed.change()) {
            case INSTALLED -> subject + " installed: " + tools("+", changed.toolsAdded());
            case UPDATED -> subject + " updated: " + tools("", plugin.tools())
                    + delta("+", changed.toolsAdded()) + delta("-", changed.toolsRemoved());
            case REMOVED -> subject + " removed: " + tools("-", changed.toolsRemoved());
            case FAILED -> subject + " failed: " + plugin.lastError().filter(e -> !e.isBlank())
                    .orElse("no reason given (see $HERMES_HOME/logs/hermes.log)");
        };
    }

    /** {@code +2 tools (a, b)}, {@code 1 tool (a)}, or {@code no tools}. */
    private static String tools(String sign, List<String> names) {
        if (names.isEmpty()) {
            return "no tools";
        }
        return sign + names.size() + (names.size() == 1 ? " tool" : " tools") + " (" + String.join(", ", names) + ")";
    }

    /** {@code , +1 (x)}, or nothing when no tool changed that way. */
    private static String delta(String sign, List<String> names) {
        return names.isEmpty() ? "" : ", " + sign + names.size() + " (" + String.join(", ", names) + ")";
    }
}
