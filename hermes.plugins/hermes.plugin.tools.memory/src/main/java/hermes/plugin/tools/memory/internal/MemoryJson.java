package hermes.plugin.tools.memory.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Results as JSON text. A class of its own so Jackson loads on the first call, not when the tool is registered. */
final class MemoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MemoryJson() {
    }

    static String write(Map<String, Object> result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the memory result as JSON", e);
        }
    }
}
