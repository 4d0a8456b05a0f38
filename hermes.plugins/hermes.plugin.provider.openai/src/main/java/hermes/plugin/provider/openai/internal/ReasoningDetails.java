package hermes.plugin.provider.openai.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenRouter's {@code reasoning_details}: reasoning blocks (some encrypted or signed) that must go back unchanged with
 * the assistant message in a tool loop. In a stream they arrive as fragments carrying an {@code index}; fragments of
 * one index are merged: text fields are appended, other fields (type, id, format, signature) taken when present.
 *
 * <p>Not thread-safe: one instance per answer.
 */
final class ReasoningDetails {

    /** The fields a block's content streams in; everything else is a whole value. */
    private static final Set<String> STREAMED_FIELDS = Set.of("text", "summary", "data");

    private final ObjectMapper json;
    private final ArrayNode details;
    private final Map<Integer, ObjectNode> byIndex = new HashMap<>();

    ReasoningDetails(ObjectMapper json) {
        this.json = json;
        this.details = json.createArrayNode();
    }

    /** Adds the blocks or block fragments of one message or delta. */
    void add(JsonNode fragments) {
        for (JsonNode fragment : fragments) {
            if (fragment instanceof ObjectNode object) {
                add(object);
            }
        }
    }

    private void add(ObjectNode fragment) {
        JsonNode index = fragment.get("index");
        ObjectNode known = index != null && index.canConvertToInt() ? byIndex.get(index.intValue()) : null;
        if (known == null) {
            ObjectNode block = fragment.deepCopy();
            details.add(block);
            if (index != null && index.canConvertToInt()) {
                byIndex.put(index.intValue(), block);
            }
            return;
        }
        fragment.properties().forEach(field -> {
            JsonNode value = field.getValue();
            JsonNode before = known.get(field.getKey());
            if (value.isNull()) {
                return;
            }
            if (STREAMED_FIELDS.contains(field.getKey()) && value.isTextual() && before != null && before.isTextual()) {
                known.put(field.getKey(), before.textValue() + value.textValue());
            } else {
                known.set(field.getKey(), value);
            }
        });
    }

    /** The assistant message fields to replay, {@code {"reasoning_details": [...]}}, when there were any blocks. */
    Optional<String> providerData() {
        if (details.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(json.createObjectNode().set("reasoning_details", details).toString());
    }
}
