package hermes.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the model is told about a tool.
 *
 * @param name unique tool name, {@code [a-zA-Z0-9_-]{1,64}} (the limit of the OpenAI and Anthropic wire formats)
 * @param toolset the toolset the tool belongs to (for example {@code file}, {@code terminal}, a plugin's own name);
 *     selection with {@code -t/--toolsets} and the shadowing rule work on toolsets
 * @param description what the tool does, written for the model
 * @param parametersSchema the JSON Schema of the arguments object, as JSON text
 * @param requiresEnv environment variables that must be set for the tool to be offered
 * @param overrides {@code true} when this tool deliberately replaces a tool of the same name from another toolset; without
 *     it, a name already owned by another toolset is refused
 */
public record ToolSpec(String name, String toolset, String description, String parametersSchema,
                       List<String> requiresEnv, boolean overrides) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** An arguments schema for a tool that takes no arguments. */
    public static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must match [a-zA-Z0-9_-]{1,64}");
        }
        Objects.requireNonNull(toolset, "toolset");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parametersSchema, "parametersSchema");
        requiresEnv = List.copyOf(requiresEnv);
    }

    /** A tool with no environment requirements that does not override anything. */
    public static ToolSpec of(String name, String toolset, String description, String parametersSchema) {
        return new ToolSpec(name, toolset, description, parametersSchema, List.of(), false);
    }
}
