package example.plain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * A tool the model can call as {@code shout}. No OSGi here: the class is listed in
 * {@code META-INF/services/hermes.api.Tool}, and Hermes creates it with its public no-argument constructor.
 */
public final class ShoutTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("shout", "plain-tool",
            "Repeat a text in capital letters.",
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"what to shout\"}},"
                    + "\"required\":[\"text\"]}");

    private final String version = readVersion();

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
        return call.argument("text")
                .map(text -> ToolResult.ok(text.toUpperCase(Locale.ROOT) + "! (plain-tool " + version + ")"))
                .orElseGet(() -> ToolResult.error("shout needs a 'text' argument"));
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = ShoutTool.class.getResourceAsStream("/plain-tool.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
