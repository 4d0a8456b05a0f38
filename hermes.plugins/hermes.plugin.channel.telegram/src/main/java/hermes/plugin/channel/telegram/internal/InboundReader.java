package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.ContentPart;

/**
 * Turns one Bot API {@code Update} into the gateway's {@link Channel.Inbound}: the chat, the forum topic (a
 * {@code message_thread_id} only counts when {@code is_topic_message} is set, since supergroups also number plain reply
 * chains that way), the sender, the text or caption, and the photo, document, voice, audio or video as content parts.
 *
 * <p>Only {@code message} updates become input; edits, channel posts, callbacks and service messages (joins, pins)
 * are skipped. A file that cannot be fetched is left out and logged: the rest of the message still goes through.
 */
final class InboundReader {

    /** What fetches a file by its {@code file_id} and names it as a content part. */
    interface Media {
        /**
         * @param kind what the message called it ({@code photo}, {@code document}, {@code voice}, {@code audio},
         *     {@code video})
         */
        ContentPart fetch(String kind, String fileId, String fileName, String mediaType) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(InboundReader.class.getName());

    private final Media media;

    InboundReader(Media media) {
        this.media = media;
    }

    /** The inbound message of {@code update}, or empty when it carries nothing for the agent. */
    Optional<Channel.Inbound> read(JsonNode update) {
        JsonNode message = update.path("message");
        if (!message.isObject() || !message.path("chat").has("id")) {
            return Optional.empty();
        }
        String text = message.has("text") ? message.path("text").asText() : message.path("caption").asText("");
        List<ContentPart> attachments = attachments(message);
        if (text.isEmpty() && attachments.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> thread = message.path("is_topic_message").asBoolean(false)
                ? id(message.path("message_thread_id"))
                : Optional.empty();
        Caller caller = new Caller(TelegramChannel.PLATFORM, id(message.path("chat").path("id")), thread,
                id(message.path("from").path("id")), Caller.Trust.AUTHORIZED);
        return Optional.of(new Channel.Inbound(caller, message.path("message_id").asText(), text, attachments));
    }

    private List<ContentPart> attachments(JsonNode message) {
        List<ContentPart> parts = new ArrayList<>();
        JsonNode photos = message.path("photo");
        if (photos.isArray() && !photos.isEmpty()) {
            // Telegram lists the sizes smallest first; the last is the original resolution.
            fetch(parts, "photo", photos.get(photos.size() - 1), "photo.jpg", "image/jpeg");
        }
        fetch(parts, "document", message.path("document"), "document", "application/octet-stream");
        fetch(parts, "voice", message.path("voice"), "voice.ogg", "audio/ogg");
        fetch(parts, "audio", message.path("audio"), "audio.mp3", "audio/mpeg");
        fetch(parts, "video", message.path("video"), "video.mp4", "video/mp4");
        return parts;
    }

    private void fetch(List<ContentPart> parts, String kind, JsonNode file, String defaultName, String defaultType) {
        if (!file.has("file_id")) {
            return;
        }
        String name = file.path("file_name").asText(defaultName);
        String type = file.path("mime_type").asText(defaultType);
        long size = file.path("file_size").asLong(0);
        if (size > BotApi.MAX_DOWNLOAD_BYTES) {
            LOG.log(System.Logger.Level.WARNING, "skipped a " + kind + " of " + size + " bytes: bots may only "
                    + "download files up to 20 MB");
            return;
        }
        try {
            parts.add(media.fetch(kind, file.path("file_id").asText(), name, type));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not fetch a " + kind + " from Telegram; the message goes on "
                    + "without it: " + e.getMessage());
        }
    }

    private static Optional<String> id(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }
}
