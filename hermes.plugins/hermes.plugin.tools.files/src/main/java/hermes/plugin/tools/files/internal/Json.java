package hermes.plugin.tools.files.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ToolResult;

/** Turns result maps into the JSON text the model reads, and reads the JSON lines rg writes. */
final class Json {

    // ObjectMapper is thread-safe once configured; this one is never reconfigured.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tool result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws IllegalStateException when the text is not JSON (it comes from a program that promised JSON) */
    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("expected a line of JSON, got: " + text, e);
        }
    }

    static ToolResult ok(Map<String, ?> members) {
        return ToolResult.ok(write(members));
    }

    /** An error the model reads as {@code {"error": "..."}}, the original's shape for tool errors. */
    static ToolResult error(String message) {
        return ToolResult.error(write(Map.of("error", message)));
    }
}
