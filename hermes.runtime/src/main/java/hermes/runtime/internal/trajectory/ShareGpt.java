package hermes.runtime.internal.trajectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.Message;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;
import hermes.runtime.internal.json.PythonJson;

/**
 * A conversation in the ShareGPT layout of Hermes training data (reference §17): a {@code system} turn with the
 * Hermes function-calling preamble and the tool signatures, then {@code human}, {@code gpt} and {@code tool} turns.
 *
 * <p>Every gpt turn opens with a {@code <think>} block (empty without reasoning); calls are {@code <tool_call>} blocks
 * whose arguments are JSON objects, not strings; a run of tool results is one tool turn of {@code <tool_response>}
 * blocks. JSON inside the values is laid out as Python's {@code json.dumps} does, like the original's files.
 */
final class ShareGpt {

    /** One turn of a ShareGPT conversation. */
    record Turn(String from, String value) {
    }

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String PREAMBLE_START = """
            You are a function-calling AI model. The functions you can call are described by their JSON signatures \
            between <tools> and </tools> below. Call one or more of them when that helps with the user's request; \
            when none is relevant, answer in plain conversational language. Never guess the values of arguments. \
            The results of your calls come back to you between <tool_response> and </tool_response> tags. \
            The functions:
            <tools>
            """;

    private static final String PREAMBLE_END = """

            </tools>
            Write each call as a JSON object that follows this JSON schema:
            {"title": "FunctionCall", "type": "object", "properties": {"name": {"title": "Name", "type": "string"}, \
            "arguments": {"title": "Arguments", "type": "object"}}, "required": ["name", "arguments"]}
            Put each call between <tool_call> and </tool_call> tags, like this:
            <tool_call>
            {"name": <function-name>, "arguments": <args-dict>}
            </tool_call>""";

    private static final String EMPTY_THINK = "<think>\n</think>\n";

    private ShareGpt() {
    }

    /**
     * The turns of {@code messages}. System messages among them are left out: the system turn is the preamble, as in
     * the original, so the session's own prompt (with the user's memory) stays out of training data.
     */
    static List<Turn> conversation(List<ToolSpec> tools, List<Message> messages) {
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn("system", PREAMBLE_START + toolSignatures(tools) + PREAMBLE_END));
        Map<String, String> toolNames = new HashMap<>();
        List<String> responses = new ArrayList<>();
        for (Message message : messages) {
            if (message.role() == Message.Role.TOOL) {
                responses.add(toolResponse(message, toolNames));
                continue;
            }
            if (!responses.isEmpty()) {
                turns.add(new Turn("tool", String.join("\n", responses)));
                responses.clear();
            }
            switch (message.role()) {
                case USER -> turns.add(new Turn("human", message.text()));
                case ASSISTANT -> {
                    message.toolCalls().forEach(call -> toolNames.put(call.id(), call.name()));
                    turns.add(new Turn("gpt", gptValue(message)));
                }
                case SYSTEM, TOOL -> {
                    // the system turn is the preamble; tool results were handled above
                }
            }
        }
        if (!responses.isEmpty()) {
            turns.add(new Turn("tool", String.join("\n", responses)));
        }
        return turns;
    }

    /**
     * Reasoning first in {@code <think>}, then the text with {@code <REASONING_SCRATCHPAD>} turned into
     * {@code <think>}, then the calls. A message with calls is only right-trimmed, one without is trimmed on both
     * ends — the original's rule, kept so both produce the same bytes.
     */
    private static String gptValue(Message message) {
        StringBuilder value = new StringBuilder();
        message.reasoning().filter(reasoning -> !reasoning.isBlank())
                .ifPresent(reasoning -> value.append("<think>\n").append(reasoning).append("\n</think>\n"));
        String text = scratchpadToThink(message.text());
        if (message.toolCalls().isEmpty()) {
            value.append(text);
        } else {
            if (!text.isBlank()) {
                value.append(text).append('\n');
            }
            for (ToolCall call : message.toolCalls()) {
                ObjectNode json = PythonJson.object();
                json.put("name", call.name());
                json.set("arguments", arguments(call));
                value.append("<tool_call>\n").append(PythonJson.write(json)).append("\n</tool_call>\n");
            }
        }
        if (value.indexOf("<think>") < 0) {
            value.insert(0, EMPTY_THINK);
        }
        return message.toolCalls().isEmpty() ? value.toString().strip() : value.toString().stripTrailing();
    }

    private static String scratchpadToThink(String text) {
        return text.replace("<REASONING_SCRATCHPAD>", "<think>").replace("</REASONING_SCRATCHPAD>", "</think>");
    }

    /** The parsed arguments; malformed ones become an empty object, as the original does. */
    private static JsonNode arguments(ToolCall call) {
        return parsed(call.arguments()).orElseGet(JsonNodeFactory.instance::objectNode);
    }

    /**
     * A result whose text looks like JSON (starts with {@code {} or {@code [}) and parses goes in as JSON, anything
     * else as a string. The name comes from the call with the result's id, "unknown" when none matches.
     */
    private static String toolResponse(Message result, Map<String, String> toolNames) {
        String text = result.text();
        String start = text.strip();
        JsonNode content = start.startsWith("{") || start.startsWith("[")
                ? parsed(text).orElseGet(() -> JsonNodeFactory.instance.textNode(text))
                : JsonNodeFactory.instance.textNode(text);
        String id = result.toolCallId().orElse("");
        ObjectNode json = PythonJson.object();
        json.put("tool_call_id", id);
        json.put("name", toolNames.getOrDefault(id, "unknown"));
        json.set("content", content);
        return "<tool_response>\n" + PythonJson.write(json) + "\n</tool_response>";
    }

    /**
     * The tools as the Hermes format lists them: name, description, parameters and a {@code "required": null} that
     * the original's datasets carry (consumers of those datasets may expect the key).
     */
    private static String toolSignatures(List<ToolSpec> tools) {
        ArrayNode signatures = JsonNodeFactory.instance.arrayNode();
        for (ToolSpec tool : tools) {
            ObjectNode signature = signatures.addObject();
            signature.put("name", tool.name());
            signature.put("description", tool.description());
            signature.set("parameters", parsed(tool.parametersSchema())
                    .orElseGet(JsonNodeFactory.instance::objectNode));
            signature.putNull("required");
        }
        return PythonJson.write(signatures);
    }

    private static Optional<JsonNode> parsed(String json) {
        if (json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(READER.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
