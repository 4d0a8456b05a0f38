package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ContentPart;

/**
 * Fetches an inbound file: {@code getFile} names its path on the server, the file endpoint serves its bytes, and the
 * part carries them as a {@code data:} URL. A Telegram file URL would carry the bot token into the transcript, so the
 * bytes travel instead; bots may not download more than 20 MB anyway.
 */
final class TelegramMedia implements InboundReader.Media {

    private final BotApi api;

    TelegramMedia(BotApi api) {
        this.api = api;
    }

    @Override
    public ContentPart fetch(String kind, String fileId, String fileName, String mediaType) throws IOException {
        JsonNode file = api.call("getFile", api.params().put("file_id", fileId));
        String path = file.path("file_path").asText("");
        if (path.isEmpty()) {
            throw new IOException("Telegram's getFile gave no file_path for the " + kind);
        }
        String url = "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(api.download(path));
        if (mediaType.startsWith("image/")) {
            return new ContentPart.Image(mediaType, url);
        }
        if (mediaType.startsWith("audio/")) {
            return new ContentPart.Audio(mediaType, url);
        }
        return new ContentPart.File(fileName, mediaType, url);
    }
}
