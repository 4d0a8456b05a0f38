package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * One received email, reduced to what the channel needs.
 *
 * @param from the sender's address, lower-cased (the user id the gateway authorises)
 * @param messageId the Message-ID, with its angle brackets; made up from the UID when the message has none
 * @param subject the decoded subject, empty when there is none
 * @param references the Message-IDs of the References header, oldest first
 * @param inReplyTo the Message-ID of In-Reply-To, if any
 * @param body the plain text as written (the text/plain part, else the HTML part without tags)
 * @param files the attached files, in order
 * @param automatic whether a machine sent it (RFC 3834 {@code Auto-Submitted}, or bulk/junk precedence): never
 *     answered, so two robots cannot mail each other forever
 */
record InboundMail(String from, String messageId, String subject, List<String> references,
                   Optional<String> inReplyTo, String body, List<Attachment> files, boolean automatic) {

    /** One attached file: its name, media type and bytes. */
    record Attachment(String name, String mediaType, byte[] content) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    InboundMail {
        references = List.copyOf(references);
        files = List.copyOf(files);
    }

    /**
     * Reads {@code message}; {@code fallbackId} names it when it has no Message-ID.
     *
     * @throws MessagingException when the server fails while the message is read
     * @throws IOException when a part cannot be decoded
     */
    static InboundMail read(MimeMessage message, String fallbackId, boolean skipAttachments)
            throws MessagingException, IOException {
        String from = sender(message);
        String messageId = ids(message.getHeader("Message-ID", " ")).stream().findFirst().orElse(fallbackId);
        String subject = Optional.ofNullable(message.getSubject()).map(String::strip).orElse("");
        List<String> references = ids(message.getHeader("References", " "));
        Optional<String> inReplyTo = ids(message.getHeader("In-Reply-To", " ")).stream().findFirst();
        List<Attachment> files = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        walk(message, plain, html, files, skipAttachments);
        String body = !plain.isEmpty() ? plain.toString() : Html.toText(html.toString());
        return new InboundMail(from, messageId, subject, references, inReplyTo, body, files, automatic(message));
    }

    /** The Message-IDs in a header value, in order; empty for a missing header. */
    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                && address.getAddress() != null) {
            return address.getAddress().strip().toLowerCase(Locale.ROOT);
        }
        return "";
    }

    private static boolean automatic(MimeMessage message) throws MessagingException {
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        if (autoSubmitted != null && Arrays.stream(autoSubmitted).anyMatch(v -> !v.strip().equalsIgnoreCase("no"))) {
            return true;
        }
        String[] precedence = message.getHeader("Precedence");
        return precedence != null && Arrays.stream(precedence).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .anyMatch(v -> v.equals("bulk") || v.equals("junk"));
    }

    private static void walk(Part part, StringBuilder plain, StringBuilder html, List<Attachment> files,
                             boolean skipAttachments) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), plain, html, files, skipAttachments);
                if (alternative && !plain.isEmpty()) {
                    return;
                }
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && part.isMimeType("text/plain")) {
            appendText(plain, part);
        } else if (!attached && part.isMimeType("text/html")) {
            appendText(html, part);
        } else if (!skipAttachments && !part.isMimeType("multipart/*")) {
            files.add(attachment(part, files.size() + 1));
        }
    }

    private static void appendText(StringBuilder target, Part part) throws MessagingException, IOException {
        if (!target.isEmpty()) {
            target.append("\n\n");
        }
        Object content = part.getContent();
        target.append(content instanceof String text ? text : new String(bytes(part), StandardCharsets.UTF_8));
    }

    private static Attachment attachment(Part part, int number) throws MessagingException, IOException {
        String mediaType = part.getContentType() == null ? "application/octet-stream"
                : part.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String name = part.getFileName() == null ? "attachment-" + number
                : MimeUtility.decodeText(part.getFileName());
        return new Attachment(name, mediaType, bytes(part));
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
