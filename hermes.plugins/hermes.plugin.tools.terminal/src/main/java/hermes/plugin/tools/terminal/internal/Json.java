package hermes.plugin.tools.terminal.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes the tools' JSON answers. */
final class Json {

    /** Thread-safe once configured; configured never. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The answer as a JSON object; null values are written as {@code null}. */
    static String write(Map<String, ?> answer) {
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", impossible);
        }
    }
}
