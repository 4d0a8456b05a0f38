package hermes.plugin.skills.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ToolResult;

/** Tool results as JSON objects: {@code success} first, then the fields. */
final class SkillJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SkillJson() {
    }

    static ToolResult ok(Map<String, ?> fields) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.putAll(fields);
        return ToolResult.ok(write(result));
    }

    static ToolResult error(String message) {
        return error(message, Map.of());
    }

    static ToolResult error(String message, Map<String, ?> fields) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", message);
        result.putAll(fields);
        return ToolResult.error(write(result));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a skills result as JSON", e);
        }
    }
}
