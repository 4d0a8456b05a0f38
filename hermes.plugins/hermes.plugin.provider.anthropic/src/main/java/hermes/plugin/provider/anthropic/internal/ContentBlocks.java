package hermes.plugin.provider.anthropic.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.ContentPart;

/**
 * Turns {@link ContentPart}s into Anthropic content blocks. Parts the API cannot take (audio, most files, image formats
 * it refuses) become a short text note instead, so a stored conversation never turns into a request that fails on
 * every replay.
 */
final class ContentBlocks {

    /** The image formats the Messages API accepts. */
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final String PDF = "application/pdf";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The block for one part; empty for blank text, which the API refuses. */
    Optional<ObjectNode> block(ContentPart part) {
        return switch (part) {
            case ContentPart.Text text -> text.text().isBlank() ? Optional.empty() : Optional.of(text(text.text()));
            case ContentPart.Image image -> Optional.of(image(image));
            case ContentPart.File file -> Optional.of(file(file));
            case ContentPart.Audio audio ->
                    Optional.of(text("[audio omitted: the Anthropic Messages API does not accept audio]"));
        };
    }

    ObjectNode text(String text) {
        return nodes.objectNode().put("type", "text").put("text", text);
    }

    private ObjectNode image(ContentPart.Image image) {
        String mediaType = normalisedMediaType(image.mediaType(), image.url());
        if (!IMAGE_TYPES.contains(mediaType)) {
            return text("[image omitted: " + mediaType + " is not a format the model accepts]");
        }
        return sourced("image", mediaType, image.url());
    }

    private ObjectNode file(ContentPart.File file) {
        if (!PDF.equals(normalisedMediaType(file.mediaType(), file.url()))) {
            return text("[file omitted: " + file.name() + " (" + file.mediaType()
                    + ") cannot be sent to this model; only PDF documents can]");
        }
        return sourced("document", PDF, file.url());
    }

    /** An image or document block: inline base64 for {@code data:} and {@code file:} URLs, a URL source otherwise. */
    private ObjectNode sourced(String type, String mediaType, String url) {
        ObjectNode source = nodes.objectNode();
        if (url.startsWith("data:") || url.startsWith("file:")) {
            source.put("type", "base64").put("media_type", mediaType).put("data", base64Of(url));
        } else {
            source.put("type", "url").put("url", url);
        }
        ObjectNode block = nodes.objectNode().put("type", type);
        block.set("source", source);
        return block;
    }

    /** The media type the data URL declares wins over the part's (it describes the bytes); jpg is spelled jpeg. */
    private static String normalisedMediaType(String declared, String url) {
        String mediaType = declared;
        if (url.startsWith("data:")) {
            String header = url.substring("data:".length(), Math.max(url.indexOf(','), "data:".length()));
            String fromUrl = header.split(";", 2)[0].strip();
            if (!fromUrl.isEmpty()) {
                mediaType = fromUrl;
            }
        }
        mediaType = mediaType.strip().toLowerCase(Locale.ROOT);
        return "image/jpg".equals(mediaType) ? "image/jpeg" : mediaType;
    }

    private static String base64Of(String url) {
        if (url.startsWith("file:")) {
            Path path = Path.of(URI.create(url));
            try {
                // Local files are small attachments the user named; reading them here keeps the API contract simple.
                return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new IllegalArgumentException("the attachment " + path + " cannot be read (" + e
                        + "); attach it again or remove it from the conversation");
            }
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("a data: URL attachment has no ',' before its content");
        }
        String header = url.substring(0, comma);
        String data = url.substring(comma + 1);
        if (header.endsWith(";base64")) {
            return data;
        }
        // Percent-encoded content: ISO-8859-1 maps each %XX back to exactly one byte; '+' is data, not a space.
        return Base64.getEncoder().encodeToString(URLDecoder.decode(data.replace("+", "%2B"),
                StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1));
    }
}
