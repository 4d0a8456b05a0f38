package hermes.plugin.store.sqlite.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON the model reads from {@code session_search}, in the original's field names: every result carries
 * {@code success} and {@code mode}; messages are {@code {id, role, content, timestamp}} plus the tool columns when set,
 * {@code anchor: true} on the message a window is centred on, and {@code content_truncated} /
 * {@code original_content_chars} when long text was cut.
 */
final class SearchJson {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The original's {@code when}: "May 01, 2026 at 08:00 AM", in the local time zone. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMMM dd, yyyy 'at' hh:mm a",
            Locale.ENGLISH);

    private SearchJson() {
    }

    static ObjectNode success(String mode) {
        return JSON.createObjectNode().put("success", true).put("mode", mode);
    }

    /** A failed call: what was wrong and what to do instead. */
    static String error(String problemAndFix) {
        return JSON.createObjectNode().put("success", false).put("error", problemAndFix).toString();
    }

    static String when(double epochSeconds) {
        return WHEN.format(MessageWrites.instant(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** A REAL as Python writes it (1795469066.9698224, not 1.7954690669698224E9), so times read as they do in the original. */
    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    /** Where and when a session ran and what it is called. */
    static ObjectNode meta(SessionRow session) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("when", when(session.startedAt()));
        meta.put("source", session.source());
        meta.put("model", session.model().orElse("unknown"));
        meta.put("title", session.title().orElse(null));
        return meta;
    }

    /** Messages, each cut to {@code maxChars} characters of content (0: not cut), {@code anchorId} flagged. */
    static ArrayNode messages(List<StoredMessage> messages, long anchorId, int maxChars) {
        ArrayNode array = JSON.createArrayNode();
        for (StoredMessage message : messages) {
            array.add(message(message, anchorId, maxChars));
        }
        return array;
    }

    static ObjectNode message(StoredMessage message, long anchorId, int maxChars) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", message.id());
        node.put("role", message.role());
        String content = message.content().orElse(null);
        boolean cut = content != null && maxChars > 0 && content.length() > maxChars;
        node.put("content", cut ? content.substring(0, maxChars) + "…" : content);
        node.put("timestamp", decimal(message.timestamp()));
        message.toolName().ifPresent(name -> node.put("tool_name", name));
        message.toolCalls().ifPresent(calls -> node.set("tool_calls", parsedOrText(calls)));
        message.toolCallId().ifPresent(id -> node.put("tool_call_id", id));
        if (message.id() == anchorId) {
            node.put("anchor", true);
        }
        if (cut) {
            node.put("content_truncated", true);
            node.put("original_content_chars", content.length());
        }
        return node;
    }

    /** The tool calls as the JSON they are; a damaged value as the text it is. */
    private static JsonNode parsedOrText(String calls) {
        try {
            return JSON.readTree(calls);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(calls);
        }
    }
}
