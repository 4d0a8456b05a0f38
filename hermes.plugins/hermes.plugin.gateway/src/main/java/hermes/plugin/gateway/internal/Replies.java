package hermes.plugin.gateway.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import hermes.api.ContentPart;

/**
 * A final answer as the chat receives it: a silence token ({@code [SILENT]}, {@code SILENT}, {@code NO_REPLY},
 * {@code NO REPLY}) or an empty answer sends nothing (the answer stays in the transcript); {@code MEDIA:<path>} lines
 * are taken out of the text and become attachments, delivered natively where the platform can; {@code [[as_document]]}
 * sends every attachment as a file.
 */
final class Replies {

    /** What is sent. */
    record Reply(String text, List<ContentPart> attachments) {
        Reply {
            attachments = List.copyOf(attachments);
        }
    }

    static final Set<String> SILENCE = Set.of("[SILENT]", "SILENT", "NO_REPLY", "NO REPLY");

    private static final Pattern MEDIA_LINE = Pattern.compile("(?m)^[ \\t]*MEDIA:[ \\t]*(\\S[^\\r\\n]*?)[ \\t]*\\r?$\\n?");
    private static final String AS_DOCUMENT = "[[as_document]]";
    private static final String AUDIO_AS_VOICE = "[[audio_as_voice]]";
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"),
            Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("zip", "application/zip"));

    private Replies() {
    }

    /** The message for {@code answer}, or empty when nothing must be sent. */
    static Optional<Reply> of(String answer) {
        String text = answer.strip();
        if (text.isEmpty() || SILENCE.contains(text)) {
            return Optional.empty();
        }
        boolean asDocument = text.contains(AS_DOCUMENT);
        text = text.replace(AS_DOCUMENT, "").replace(AUDIO_AS_VOICE, "");
        List<ContentPart> attachments = new ArrayList<>();
        Matcher media = MEDIA_LINE.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (media.find()) {
            attachments.add(attachment(unquote(media.group(1)), asDocument));
            media.appendReplacement(rest, "");
        }
        media.appendTail(rest);
        String remaining = rest.toString().strip();
        if (remaining.isEmpty() && attachments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reply(remaining, attachments));
    }

    private static ContentPart attachment(String location, boolean asDocument) {
        boolean remote = location.startsWith("http://") || location.startsWith("https://");
        String url = remote ? location : path(location).toUri().toString();
        String name = location.substring(location.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String mediaType = MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
        if (asDocument) {
            return new ContentPart.File(name, mediaType, url);
        }
        if (mediaType.startsWith("image/")) {
            return new ContentPart.Image(mediaType, url);
        }
        if (mediaType.startsWith("audio/")) {
            return new ContentPart.Audio(mediaType, url);
        }
        return new ContentPart.File(name, mediaType, url);
    }

    private static Path path(String location) {
        if (location.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), location.substring(2));
        }
        return Path.of(location).toAbsolutePath();
    }

    private static String unquote(String location) {
        String trimmed = location.strip();
        while (trimmed.length() >= 2 && "`'\"".indexOf(trimmed.charAt(0)) >= 0
                && trimmed.charAt(trimmed.length() - 1) == trimmed.charAt(0)) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
