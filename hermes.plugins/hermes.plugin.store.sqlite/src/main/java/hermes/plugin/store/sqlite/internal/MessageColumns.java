package hermes.plugin.store.sqlite.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ToolCall;

/**
 * A {@link Message} as the original stores it in one {@code messages} row, and back.
 *
 * <ul>
 *   <li>{@code role}: the lower-case role name.</li>
 *   <li>{@code content}: a single text part as plain text (the original's common case, and what FTS indexes); no parts
 *       as NULL; anything else as the OpenAI-style JSON part list the original keeps for multimodal messages
 *       ({@code text}, {@code image_url}; audio and files in the same shape with their own type names).</li>
 *   <li>{@code tool_calls}: the OpenAI JSON list {@code [{"id","type":"function","function":{"name","arguments"}}]}.</li>
 *   <li>{@code tool_call_id}, {@code reasoning}: as they are.</li>
 *   <li>{@code reasoning_details}: the opaque provider payload; it is the column the original replays unchanged to the
 *       provider on the next request, which is exactly what {@code providerData} is for.</li>
 * </ul>
 */
final class MessageColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row's worth of values, NULLs as empty. */
    record Row(String role, Optional<String> content, Optional<String> toolCalls, Optional<String> toolCallId,
               Optional<String> reasoning, Optional<String> reasoningDetails) {
    }

    private MessageColumns() {
    }

    static Row toRow(Message message) {
        return new Row(message.role().name().toLowerCase(Locale.ROOT), content(message.content()),
                toolCalls(message.toolCalls()), message.toolCallId(), message.reasoning(), message.providerData());
    }

    static Message fromRow(Row row) {
        return new Message(Message.Role.valueOf(row.role().toUpperCase(Locale.ROOT)),
                row.content().map(MessageColumns::parts).orElse(List.of()),
                row.toolCalls().map(MessageColumns::calls).orElse(List.of()),
                row.toolCallId(), row.reasoning(), row.reasoningDetails());
    }

    /** The name of the tool a call id belongs to, among {@code calls}. */
    static Optional<String> toolNameFor(String toolCallId, List<ToolCall> calls) {
        return calls.stream().filter(call -> call.id().equals(toolCallId)).map(ToolCall::name).findFirst();
    }

    private static Optional<String> content(List<ContentPart> parts) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1 && parts.getFirst() instanceof ContentPart.Text text && !looksLikePartList(text.text())) {
            return Optional.of(text.text());
        }
        ArrayNode list = JSON.createArrayNode();
        for (ContentPart part : parts) {
            list.add(partNode(part));
        }
        return Optional.of(list.toString());
    }

    private static ObjectNode partNode(ContentPart part) {
        ObjectNode node = JSON.createObjectNode();
        switch (part) {
            case ContentPart.Text text -> node.put("type", "text").put("text", text.text());
            case ContentPart.Image image -> {
                node.put("type", "image_url").putObject("image_url").put("url", image.url());
                node.put("media_type", image.mediaType());
            }
            case ContentPart.Audio audio -> {
                node.put("type", "audio_url").putObject("audio_url").put("url", audio.url());
                node.put("media_type", audio.mediaType());
            }
            case ContentPart.File file -> {
                node.put("type", "file_url").putObject("file_url").put("url", file.url());
                node.put("media_type", file.mediaType()).put("name", file.name());
            }
        }
        return node;
    }

    private static List<ContentPart> parts(String content) {
        if (!looksLikePartList(content)) {
            return List.of(new ContentPart.Text(content));
        }
        try {
            List<ContentPart> parts = new ArrayList<>();
            for (JsonNode node : JSON.readTree(content)) {
                parts.add(part(node));
            }
            return parts;
        } catch (JsonProcessingException | IllegalArgumentException notAPartList) {
            return List.of(new ContentPart.Text(content));
        }
    }

    private static ContentPart part(JsonNode node) {
        String type = node.path("type").asText();
        String mediaType = node.path("media_type").asText("");
        return switch (type) {
            case "text" -> new ContentPart.Text(node.path("text").asText());
            case "image_url" -> new ContentPart.Image(mediaType, urlOf(node.path("image_url")));
            case "audio_url" -> new ContentPart.Audio(mediaType, urlOf(node.path("audio_url")));
            case "file_url" -> new ContentPart.File(node.path("name").asText(""), mediaType,
                    urlOf(node.path("file_url")));
            default -> throw new IllegalArgumentException("unknown content part type " + type);
        };
    }

    /** OpenAI allows {@code image_url} as a bare string or as {@code {"url": …}}; the original wrote both. */
    private static String urlOf(JsonNode node) {
        return node.isTextual() ? node.asText() : node.path("url").asText();
    }

    /** A cheap test before parsing: plain text content rarely starts like a JSON list of typed objects. */
    private static boolean looksLikePartList(String content) {
        String trimmed = content.stripLeading();
        return trimmed.startsWith("[") && trimmed.contains("\"type\"");
    }

    private static Optional<String> toolCalls(List<ToolCall> calls) {
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode list = JSON.createArrayNode();
        for (ToolCall call : calls) {
            ObjectNode node = list.addObject().put("id", call.id()).put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return Optional.of(list.toString());
    }

    private static List<ToolCall> calls(String json) {
        try {
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                JsonNode function = node.path("function");
                JsonNode arguments = function.path("arguments");
                calls.add(new ToolCall(node.path("id").asText(), function.path("name").asText(),
                        arguments.isTextual() ? arguments.asText() : arguments.toString()));
            }
            return calls;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool_calls is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
