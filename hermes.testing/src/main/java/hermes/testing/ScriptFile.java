package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the replies of a standalone server from a JSON file: an array of objects, each one of
 * <pre>{@code
 * {"text": "Hello"}
 * {"tool_calls": [{"id": "call_1", "name": "todo", "arguments": {"todos": []}}]}
 * {"text": "Let me look.", "tool_calls": [...], "reasoning": "The user wants…"}
 * {"error": {"status": 429, "message": "slow down"}}
 * {"disconnect": true}
 * }</pre>
 * each optionally with {@code "delay_ms"}. {@code arguments} may be a JSON object or a string of JSON text.
 */
final class ScriptFile {

    private static final Set<String> KEYS = Set.of("text", "tool_calls", "reasoning", "error", "disconnect", "delay_ms");

    private ScriptFile() {
    }

    /** The replies in the file, in order; throws {@link IllegalArgumentException} naming the file and the entry at fault. */
    static List<Reply> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("script " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Reply> parse(String text) {
        JsonNode root = Json.parse(text);
        if (!root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of replies, found " + root.getNodeType());
        }
        List<Reply> replies = new ArrayList<>();
        for (JsonNode entry : root) {
            try {
                replies.add(reply(entry));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException("reply " + (replies.size() + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(replies);
    }

    private static Reply reply(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("expected an object, found " + entry);
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "'; known keys are " + KEYS);
            }
        }
        Reply reply = base(entry);
        if (entry.has("delay_ms")) {
            reply = reply.withDelay(Duration.ofMillis(entry.get("delay_ms").asLong()));
        }
        return reply;
    }

    private static Reply base(JsonNode entry) {
        if (entry.has("error")) {
            JsonNode error = entry.get("error");
            if (!error.path("status").canConvertToInt()) {
                throw new IllegalArgumentException("error needs a numeric \"status\", got " + error);
            }
            return Reply.failure(error.get("status").asInt(), error.path("message").asText("scripted failure"));
        }
        if (entry.path("disconnect").asBoolean(false)) {
            return Reply.disconnect();
        }
        if (!entry.has("text") && !entry.has("tool_calls")) {
            throw new IllegalArgumentException("needs \"text\", \"tool_calls\", \"error\" or \"disconnect\"");
        }
        Reply reply = Reply.text(entry.path("text").asText(""));
        List<ToolCallReply> calls = new ArrayList<>();
        for (JsonNode call : entry.path("tool_calls")) {
            JsonNode arguments = call.path("arguments");
            calls.add(ToolCallReply.of(call.path("id").asText(""), call.path("name").asText(""),
                    arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "{}" : Json.write(arguments)));
        }
        if (!calls.isEmpty()) {
            reply = reply.withToolCalls(calls.toArray(ToolCallReply[]::new));
        }
        if (entry.has("reasoning")) {
            reply = reply.withReasoning(entry.get("reasoning").asText());
        }
        return reply;
    }
}
