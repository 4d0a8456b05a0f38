package hermes.plugin.channel.apiserver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ContentPart;

/**
 * The {@code content} of an OpenAI chat message as content parts: a string, or an array of {@code text} and
 * {@code image_url} parts (the Responses spellings {@code input_text}, {@code output_text} and {@code input_image}
 * too). Images are accepted by {@code http(s)} URL or {@code data:image/...} URL only: a {@code file:} URL would let a
 * caller make the agent read files of this machine. Uploaded files are refused, as in the original.
 */
final class ContentParts {

    private static final Set<String> TEXT_TYPES = Set.of("text", "input_text", "output_text");
    private static final Set<String> IMAGE_TYPES = Set.of("image_url", "input_image");
    private static final Set<String> FILE_TYPES = Set.of("file", "input_file");

    private ContentParts() {
    }

    /**
     * The parts of one message's content; empty for {@code null} or an empty string.
     *
     * @param param where the content sits ({@code messages[2].content}), for the error
     * @throws ApiError 400 naming the part at fault and what is accepted
     */
    static List<ContentPart> parse(JsonNode content, String param) throws ApiError {
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (content.isTextual()) {
            return content.asText().isEmpty() ? List.of() : List.of(new ContentPart.Text(content.asText()));
        }
        if (!content.isArray()) {
            throw ApiError.badRequest(param + " must be a string or an array of content parts", param);
        }
        List<ContentPart> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String where = param + "[" + i + "]";
            if (part.isTextual()) {
                addText(parts, part.asText());
                continue;
            }
            String type = part.path("type").asText("").strip().toLowerCase(Locale.ROOT);
            if (TEXT_TYPES.contains(type)) {
                addText(parts, part.path("text").asText(""));
            } else if (IMAGE_TYPES.contains(type)) {
                parts.add(image(part, where));
            } else if (FILE_TYPES.contains(type)) {
                throw ApiError.badRequest("inline images are supported, but uploaded files and documents are not ("
                        + where + "): send the text of the document instead", where, "unsupported_content_type");
            } else {
                throw ApiError.badRequest("unsupported content part type '" + part.path("type").asText("")
                        + "' at " + where + ": only text and image_url parts are supported", where,
                        "unsupported_content_type");
            }
        }
        return List.copyOf(parts);
    }

    /** Whether the parts carry anything to answer: non-blank text or an image. */
    static boolean hasPayload(List<ContentPart> parts) {
        return parts.stream().anyMatch(part -> !(part instanceof ContentPart.Text text) || !text.text().isBlank());
    }

    private static void addText(List<ContentPart> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(new ContentPart.Text(text));
        }
    }

    private static ContentPart.Image image(JsonNode part, String where) throws ApiError {
        // Chat Completions nests {"url": …}; the Responses API gives the URL as a plain string
        JsonNode reference = part.path("image_url");
        String url = (reference.isObject() ? reference.path("url") : reference).asText("").strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int comma = url.indexOf(',');
            if (!lower.startsWith("data:image/") || comma < 0) {
                throw ApiError.badRequest("only image data URLs (data:image/...) are supported at " + where, where,
                        "unsupported_content_type");
            }
            int semicolon = url.indexOf(';');
            int end = semicolon > 0 && semicolon < comma ? semicolon : comma;
            return new ContentPart.Image(url.substring("data:".length(), end).toLowerCase(Locale.ROOT), url);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new ContentPart.Image(mediaTypeOf(lower), url);
        }
        throw ApiError.badRequest("the image at " + where + " needs an http(s) URL or a data:image/... URL",
                where, "invalid_image_url");
    }

    /** The media type an image URL's file name suggests; JPEG when it says nothing (the most common photo format). */
    private static String mediaTypeOf(String lowerUrl) {
        String path = lowerUrl.replaceFirst("[?#].*$", "");
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}
