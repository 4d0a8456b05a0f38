package hermes.plugin.tools.basic.internal;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code echo}: returns its text unchanged. Useful to check that tool calling works end to end. */
@Component(service = Tool.class)
public final class EchoTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("echo", "basic",
            "Return the given text unchanged. Use it to check that tool calls work.",
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"the text to return\"}},"
                    + "\"required\":[\"text\"]}");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        return call.argument("text").map(ToolResult::ok)
                .orElseGet(() -> ToolResult.error("echo needs a 'text' argument"));
    }
}
