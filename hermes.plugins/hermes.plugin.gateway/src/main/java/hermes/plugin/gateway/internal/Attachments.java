package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.ContentPart;

/** Content parts as the outbox's {@code attachments} JSON column: {@code [{"type":"image","media_type":…,"url":…}]}. */
final class Attachments {

    private Attachments() {
    }

    static String toJson(List<ContentPart> parts) {
        ArrayNode array = JsonFiles.MAPPER.createArrayNode();
        for (ContentPart part : parts) {
            ObjectNode node = array.addObject();
            switch (part) {
                case ContentPart.Text text -> node.put("type", "text").put("text", text.text());
                case ContentPart.Image image -> node.put("type", "image").put("media_type", image.mediaType())
                        .put("url", image.url());
                case ContentPart.Audio audio -> node.put("type", "audio").put("media_type", audio.mediaType())
                        .put("url", audio.url());
                case ContentPart.File file -> node.put("type", "file").put("name", file.name())
                        .put("media_type", file.mediaType()).put("url", file.url());
            }
        }
        return array.toString();
    }

    static List<ContentPart> fromJson(String json) throws IOException {
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode node : JsonFiles.MAPPER.readTree(json)) {
            String mediaType = node.path("media_type").asText("application/octet-stream");
            String url = node.path("url").asText();
            parts.add(switch (node.path("type").asText()) {
                case "text" -> new ContentPart.Text(node.path("text").asText());
                case "image" -> new ContentPart.Image(mediaType, url);
                case "audio" -> new ContentPart.Audio(mediaType, url);
                default -> new ContentPart.File(node.path("name").asText("file"), mediaType, url);
            });
        }
        return parts;
    }
}
