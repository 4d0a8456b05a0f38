package hermes.plugin.tools.clarify.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The result text. A class of its own so Jackson loads on the first answer, not when the tool is registered. */
final class ClarifyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClarifyJson() {
    }

    /** {@code {"question":...,"answer":...}}. */
    static String answer(String question, String answer) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("question", question);
        result.put("answer", answer);
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
