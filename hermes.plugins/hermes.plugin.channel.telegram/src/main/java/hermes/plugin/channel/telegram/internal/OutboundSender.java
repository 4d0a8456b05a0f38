package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.Channel;
import hermes.api.ContentPart;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Delivers one {@link Channel.Outbound}: the text as one or more {@code sendMessage} calls (split at
 * {@value TextSplitter#MAX_MESSAGE_LENGTH} characters), then each attachment natively — images by {@code sendPhoto},
 * audio by {@code sendAudio} ({@code sendVoice} for Ogg voice notes), anything else by {@code sendDocument}. A remote
 * {@code http(s)} URL is passed for Telegram to fetch; a {@code file:} or {@code data:} URL is uploaded as multipart.
 *
 * <p>The first message answers {@code replyTo} (and is still sent if that message is gone); every message goes to the
 * thread, if any. Returns the id of the first message sent. Thread safe.
 */
final class OutboundSender {

    private final BotApi api;
    private final Optional<String> parseMode;
    private final UnfinishedReplies unfinished;

    OutboundSender(BotApi api, Optional<String> parseMode, UnfinishedReplies unfinished) {
        this.api = api;
        this.parseMode = parseMode;
        this.unfinished = unfinished;
    }

    /**
     * Sends every piece of {@code message}; a retry of a message that failed part-way (an equal record) resumes after
     * the pieces already delivered.
     *
     * @throws IOException with Telegram's description when a call fails
     * @throws IllegalArgumentException when the message has neither text nor attachments, or an attachment's URL is
     *     unusable
     */
    String send(Channel.Outbound message) throws IOException {
        List<ContentPart> parts = new ArrayList<>();
        for (String piece : TextSplitter.split(message.text(), TextSplitter.MAX_MESSAGE_LENGTH)) {
            if (!piece.isBlank()) {
                parts.add(new ContentPart.Text(piece));
            }
        }
        parts.addAll(message.attachments());
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an outbound Telegram message needs text or an attachment; this one "
                    + "has neither");
        }
        UnfinishedReplies.Progress progress = unfinished.take(message);
        Optional<String> firstId = progress.firstId();
        for (int i = progress.sent(); i < parts.size(); i++) {
            try {
                String id = sendPart(message, parts.get(i), i == 0);
                firstId = firstId.or(() -> Optional.of(id));
            } catch (IOException | RuntimeException e) {
                if (i > 0) {
                    unfinished.remember(message, new UnfinishedReplies.Progress(i, firstId));
                }
                throw e;
            }
        }
        return firstId.orElseThrow();
    }

    /** Shows "typing…" in the chat (Telegram shows it for 5 s or until the next message); one attempt. */
    void typing(String chatId, Optional<String> threadId) throws IOException {
        ObjectNode params = api.params();
        putId(params, "chat_id", chatId);
        threadId.ifPresent(thread -> putId(params, "message_thread_id", thread));
        api.callOnce("sendChatAction", params.put("action", "typing"));
    }

    /**
     * Replaces the text of message {@code messageId}. An edit to the text it already shows succeeds (Telegram answers
     * "message is not modified", which is what a repeated edit after a lost answer gets). A text over
     * {@value TextSplitter#MAX_MESSAGE_LENGTH} characters keeps its first piece in the message and sends the rest as
     * new messages, the first of them answering the edited one, cut as {@link #send} cuts; a retry of an edit that
     * failed part-way resumes like a retried send.
     *
     * @throws TelegramException with Telegram's description when a call fails
     */
    void edit(String chatId, String messageId, String text) throws IOException {
        List<String> pieces = TextSplitter.split(text, TextSplitter.MAX_MESSAGE_LENGTH);
        ObjectNode params = api.params();
        putId(params, "chat_id", chatId);
        putId(params, "message_id", messageId);
        parseMode.ifPresent(mode -> params.put("parse_mode", mode));
        Optional<String> thread = Optional.empty();
        try {
            JsonNode edited = api.call("editMessageText", params.put("text", pieces.getFirst()));
            // the rest belongs in the edited message's forum topic, which the edit does not name but its result does
            thread = Optional.of(edited.path("message_thread_id")).filter(JsonNode::isIntegralNumber)
                    .map(JsonNode::asText);
        } catch (TelegramException e) {
            if (!e.notModified()) {
                throw e;
            }
        }
        String rest = TextSplitter.afterFirstPiece(text, TextSplitter.MAX_MESSAGE_LENGTH);
        if (!rest.isBlank()) {
            send(new Channel.Outbound(chatId, thread, Optional.of(messageId), rest, List.of()));
        }
    }

    private String sendPart(Channel.Outbound message, ContentPart part, boolean first) throws IOException {
        ObjectNode params = target(message, first);
        if (part instanceof ContentPart.Text text) {
            parseMode.ifPresent(mode -> params.put("parse_mode", mode));
            return messageId(api.call("sendMessage", params.put("text", text.text())));
        }
        Upload upload = Upload.of(part);
        // Not URI parsing: a data: URL may be megabytes long, and only its scheme matters here.
        String scheme = upload.url().substring(0, Math.max(0, upload.url().indexOf(':'))).toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return messageId(api.call(upload.method(), params.put(upload.field(), upload.url())));
        }
        byte[] bytes = switch (scheme) {
            case "file" -> Files.readAllBytes(Path.of(URI.create(upload.url())));
            case "data" -> dataBytes(upload.url());
            default -> throw new IllegalArgumentException("cannot send an attachment from " + scheme + ": URLs; use "
                    + "http(s), file or data");
        };
        return messageId(api.call(upload.method(), multipart(params, upload, bytes)));
    }

    /** One attachment's call: method, form field, file name (Telegram shows it for documents), type and source. */
    private record Upload(String method, String field, String fileName, String mediaType, String url) {

        static Upload of(ContentPart part) {
            if (part instanceof ContentPart.Image image) {
                return new Upload("sendPhoto", "photo", "image", image.mediaType(), image.url());
            }
            if (part instanceof ContentPart.Audio audio) {
                // Telegram shows Ogg/Opus as a voice bubble; other audio as a music file.
                return audio.mediaType().equals("audio/ogg")
                        ? new Upload("sendVoice", "voice", "voice.ogg", audio.mediaType(), audio.url())
                        : new Upload("sendAudio", "audio", "audio", audio.mediaType(), audio.url());
            }
            ContentPart.File file = (ContentPart.File) part;
            return new Upload("sendDocument", "document", file.name(), file.mediaType(), file.url());
        }
    }

    private static RequestBody multipart(ObjectNode params, Upload upload, byte[] bytes) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        // Form fields are strings; nested objects (reply_parameters) go as JSON text, as Telegram expects.
        params.properties().forEach(field -> form.addFormDataPart(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        MediaType type = MediaType.parse(upload.mediaType());
        form.addFormDataPart(upload.field(), upload.fileName(), RequestBody.create(bytes, type));
        return form.build();
    }

    private static byte[] dataBytes(String url) {
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw new IllegalArgumentException("only base64 data: URLs can be sent as attachments");
        }
        return Base64.getDecoder().decode(url.substring(comma + 1));
    }

    private ObjectNode target(Channel.Outbound message, boolean first) {
        ObjectNode params = api.params();
        putId(params, "chat_id", message.chatId());
        message.threadId().ifPresent(thread -> putId(params, "message_thread_id", thread));
        if (first) {
            message.replyTo().ifPresent(replyTo -> {
                ObjectNode reply = params.putObject("reply_parameters");
                putId(reply, "message_id", replyTo);
                reply.put("allow_sending_without_reply", true);
            });
        }
        return params;
    }

    private static String messageId(JsonNode result) {
        return result.path("message_id").asText();
    }

    /** Numbers go as numbers (what Telegram documents); {@code @channelname} chat ids stay strings. */
    private static void putId(ObjectNode node, String field, String id) {
        try {
            node.put(field, Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            node.put(field, id);
        }
    }
}
