package hermes.runtime.internal.approvals;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text for values written into config.yaml (a JSON array is valid YAML flow syntax). */
final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    static String array(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one JSON string value, as {@code hermes approvals check --jsonl} gets them. */
    static String string(String json) {
        try {
            return JSON.readValue(json, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON string: " + json.strip());
        }
    }
}
