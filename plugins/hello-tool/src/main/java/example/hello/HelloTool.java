package example.hello;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * A tool the model can call as {@code hello}. Declarative Services registers it as a {@link Tool} service when the
 * bundle starts and removes it when the bundle stops; Hermes picks it up on the next call.
 */
@Component(service = Tool.class)
public final class HelloTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("hello", "hello",
            "Greet someone by name.",
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"description\":\"who to greet\"}},"
                    + "\"required\":[\"name\"]}");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false; // it only reads its arguments, so it may run in parallel batches and needs no approval
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        String name = call.argument("name").orElse("world");
        return ToolResult.ok("Hello, " + name + "! (hello-tool " + FrameworkUtil.getBundle(HelloTool.class).getVersion()
                + ")");
    }
}
