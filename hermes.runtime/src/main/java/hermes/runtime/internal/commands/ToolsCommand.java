package hermes.runtime.internal.commands;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.AgentRuntime;
import hermes.api.Command;
import hermes.api.ToolInfo;

/** {@code /tools} and {@code hermes tools list}: every registered tool, its toolset and what provides it. */
@Component(service = Command.class)
public final class ToolsCommand implements Command {

    private final AgentRuntime runtime;

    @Activate
    public ToolsCommand(@Reference AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "tools";
    }

    @Override
    public String description() {
        return "list the registered tools: name, toolset, providing bundle or jar";
    }

    @Override
    public void run(String arguments, Context context) {
        if (!arguments.isEmpty() && !arguments.equals("list")) {
            throw new IllegalArgumentException("unknown argument '" + arguments + "': use /tools or /tools list");
        }
        context.reply(render(runtime.tools()));
    }

    static String render(List<ToolInfo> tools) {
        if (tools.isEmpty()) {
            return "no tools registered";
        }
        Table table = new Table("NAME", "TOOLSET", "PROVIDED BY", "STATUS");
        for (ToolInfo tool : tools) {
            String status = tool.status().name().toLowerCase(Locale.ROOT) + tool.detail().map(d -> ": " + d).orElse("");
            table.row(tool.name(), tool.toolset(), tool.origin(), status);
        }
        return table + "\n" + tools.size() + (tools.size() == 1 ? " tool" : " tools");
    }
}
