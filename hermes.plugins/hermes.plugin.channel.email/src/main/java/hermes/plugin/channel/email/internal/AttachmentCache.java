package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import hermes.api.ContentPart;

/**
 * Keeps received attachments as files in the original's cache folders ({@code $HERMES_HOME/cache/images},
 * {@code cache/audio}, {@code cache/documents}) and hands them on as {@code file:} URLs, so a large attachment is
 * never held in a message or the transcript.
 */
final class AttachmentCache {

    private final Path cache;

    AttachmentCache(Path home) {
        this.cache = home.resolve("cache");
    }

    /**
     * Writes {@code file} and returns the content part that points at it.
     *
     * @throws IOException when the file cannot be written
     */
    ContentPart store(InboundMail.Attachment file) throws IOException {
        String type = file.mediaType();
        String folder = type.startsWith("image/") ? "images" : type.startsWith("audio/") ? "audio" : "documents";
        Path directory = cache.resolve(folder);
        Files.createDirectories(directory);
        // a unique prefix keeps two "image.png" apart; the sender's name is kept readable but cannot leave the folder
        Path target = directory.resolve("email_" + UUID.randomUUID().toString().substring(0, 12) + "_"
                + safeName(file.name()));
        Files.write(target, file.content());
        String url = target.toUri().toString();
        if (type.startsWith("image/")) {
            return new ContentPart.Image(type, url);
        }
        if (type.startsWith("audio/")) {
            return new ContentPart.Audio(type, url);
        }
        return new ContentPart.File(file.name(), type, url);
    }

    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            return "attachment";
        }
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }
}
