package hermes.runtime.internal.commands;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.AgentRuntime;
import hermes.api.Command;
import hermes.api.PluginInfo;
import hermes.runtime.internal.config.Settings;

/** {@code /plugins} and {@code hermes plugins list}: every jar of the plugins folder with its state and last error. */
@Component(service = Command.class)
public final class PluginsCommand implements Command {

    private final AgentRuntime runtime;
    private final Settings settings;

    @Activate
    public PluginsCommand(@Reference AgentRuntime runtime, @Reference Settings settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String description() {
        return "list the plugins: name, version, state, last error";
    }

    @Override
    public void run(String arguments, Context context) {
        if (!arguments.isEmpty() && !arguments.equals("list")) {
            throw new IllegalArgumentException("unknown argument '" + arguments + "': use /plugins or /plugins list");
        }
        List<PluginInfo> plugins = runtime.plugins();
        if (plugins.isEmpty()) {
            context.reply("no plugins in " + settings.home().plugins() + " (copy a plugin jar there to add one)");
            return;
        }
        context.reply(render(plugins));
    }

    static String render(List<PluginInfo> plugins) {
        Table table = new Table("NAME", "VERSION", "STATE", "KIND", "FILE", "TOOLS", "LAST ERROR");
        for (PluginInfo plugin : plugins) {
            table.row(plugin.name(), plugin.version().orElse("-"), plugin.state().name().toLowerCase(Locale.ROOT),
                    plugin.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), plugin.file(),
                    plugin.tools().isEmpty() ? "-" : String.join(",", plugin.tools()), plugin.lastError().orElse("-"));
        }
        return table.toString();
    }
}
