package hermes.plugin.tools.files.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;

/** Calls a tool the way the runtime does and reads its JSON answer. */
final class ToolCalls {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What came back: whether it is an error, and the JSON. */
    record Answer(boolean error, JsonNode json) {
        String errorText() {
            return json.path("error").asText();
        }
    }

    private ToolCalls() {
    }

    static Answer call(Tool tool, ToolContext context, Map<String, ?> arguments) throws Exception {
        ToolResult result = tool.call(new ToolCall("call-1", tool.spec().name(), MAPPER.writeValueAsString(arguments)),
                context);
        return new Answer(result.error(), parse(result.content()));
    }

    static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
