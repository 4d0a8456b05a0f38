package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import jakarta.activation.DataHandler;

import org.eclipse.angus.mail.smtp.SMTPTransport;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.ContentPart;

/**
 * Both directions of the conversation: an inbound email becomes an {@link Channel.Inbound} of its thread, and an
 * {@link Channel.Outbound} becomes a reply in that thread ({@code In-Reply-To}, {@code References},
 * {@code Re: <subject>}, to the thread's correspondent). The chat id is the thread's root Message-ID; the user id is the
 * sender's address, which is what {@code EMAIL_ALLOWED_USERS} lists.
 *
 * <p>Thread safety: safe for the watcher thread and any number of senders at once (the book is synchronized; each
 * send opens its own SMTP connection).
 */
final class Correspondence {

    static final String PLATFORM = "email";
    /** The original's subject when the bot starts a conversation, and its text for an empty email. */
    static final String DEFAULT_SUBJECT = "Hermes Agent";
    static final String EMPTY_EMAIL = "(empty email)";

    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|aw|sv|antw)\\s*:\\s*)+");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^<>@\\s]+@[^<>@\\s]+");
    private static final System.Logger LOG = System.getLogger(Correspondence.class.getName());

    private final EmailSettings settings;
    private final MailConnections connections;
    private final ThreadBook book;
    private final AttachmentCache cache;
    private final Channel.Host host;

    Correspondence(EmailSettings settings, MailConnections connections, ThreadBook book, AttachmentCache cache,
                   Channel.Host host) {
        this.settings = settings;
        this.connections = connections;
        this.book = book;
        this.cache = cache;
        this.host = host;
    }

    /** Hands one received email to the gateway, unless it is our own or a machine's. */
    void deliver(InboundMail mail) throws IOException {
        if (mail.from().isEmpty() || mail.from().equalsIgnoreCase(settings.address())) {
            return;
        }
        if (mail.automatic()) {
            LOG.log(System.Logger.Level.INFO, "email: ignored an automatic message from " + mail.from()
                    + " (Auto-Submitted or bulk), so robots cannot answer each other forever");
            return;
        }
        String root = book.rootOf(mail.references(), mail.inReplyTo(), mail.messageId());
        List<String> chain = !mail.references().isEmpty() ? mail.references()
                : mail.inReplyTo().map(List::of).orElse(List.of());
        book.recordInbound(root, mail.from(), baseSubject(mail.subject()), mail.messageId(), chain);
        List<ContentPart> parts = new ArrayList<>();
        for (InboundMail.Attachment file : mail.files()) {
            try {
                parts.add(cache.store(file));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "email: could not keep attachment " + file.name() + " ("
                        + e.getMessage() + "); delivered without it");
            }
        }
        Caller caller = new Caller(PLATFORM, Optional.of(root), Optional.empty(), Optional.of(mail.from()),
                Caller.Trust.UNTRUSTED);
        host.receive(new Channel.Inbound(caller, mail.messageId(), text(mail, parts), parts));
    }

    /**
     * Sends {@code message} as a reply in its thread, or as a new email when the chat id is a bare address.
     *
     * @return our Message-ID of the sent email
     * @throws IOException when the thread is unknown, or the SMTP server did not accept the message
     */
    String send(Channel.Outbound message) throws IOException {
        Optional<ThreadBook.MailThread> known = book.thread(message.chatId());
        if (known.isEmpty() && !BARE_ADDRESS.matcher(message.chatId()).matches()) {
            throw new IOException("no email thread " + message.chatId() + " is known (threads are kept in "
                    + "platforms/email/threads.json); send to a bare address to start a new one");
        }
        String to = known.map(ThreadBook.MailThread::correspondent).orElse(message.chatId());
        String subject = known.map(thread -> "Re: " + (thread.subject().isEmpty() ? DEFAULT_SUBJECT
                : thread.subject())).orElse(DEFAULT_SUBJECT);
        Optional<String> inReplyTo = message.replyTo().filter(id -> !id.isBlank())
                .or(() -> known.map(ThreadBook.MailThread::lastInboundId).filter(id -> !id.isEmpty()));
        List<String> references = new ArrayList<>(known.map(ThreadBook.MailThread::references).orElse(List.of()));
        inReplyTo.filter(id -> !references.contains(id)).ifPresent(references::add);
        String messageId = "<hermes-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@"
                + settings.domain() + ">";
        try {
            MailClassLoader.call(() -> {
                MimeMessage mime = compose(connections.session(), messageId, to, subject, inReplyTo, references,
                        message);
                try (SMTPTransport transport = connections.openTransport()) {
                    transport.sendMessage(mime, mime.getAllRecipients());
                }
                return null;
            });
        } catch (Exception e) {
            throw new IOException("email to " + to + " was not sent: " + MailConnections.describe(e), e);
        }
        book.recordSent(known.isPresent() ? message.chatId() : messageId, to, subject, messageId);
        return messageId;
    }

    /** The subject without reply prefixes, so ours never reads "Re: Re: …". */
    static String baseSubject(String subject) {
        return REPLY_PREFIX.matcher(subject.strip()).replaceFirst("").strip();
    }

    private static String text(InboundMail mail, List<ContentPart> parts) {
        String body = ReplyText.strip(mail.body());
        boolean reply = !mail.subject().isEmpty() && REPLY_PREFIX.matcher(mail.subject()).lookingAt();
        String text = mail.subject().isEmpty() || reply ? body : "[Subject: " + mail.subject() + "]\n\n" + body;
        return text.isBlank() && parts.isEmpty() ? EMPTY_EMAIL : text.strip();
    }

    private MimeMessage compose(Session session, String messageId, String to, String subject,
                                Optional<String> inReplyTo, List<String> references, Channel.Outbound message)
            throws MessagingException, IOException {
        MimeMessage mime = new FixedIdMessage(session, messageId);
        mime.setFrom(new InternetAddress(settings.address()));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject(subject, "UTF-8");
        if (inReplyTo.isPresent()) {
            mime.setHeader("In-Reply-To", inReplyTo.get());
        }
        if (!references.isEmpty()) {
            mime.setHeader("References", String.join(" ", references));
        }
        // RFC 3834: marks the mail as a robot's, so vacation responders and other bots do not answer it
        mime.setHeader("Auto-Submitted", "auto-replied");
        List<MimeBodyPart> files = new ArrayList<>();
        StringBuilder text = new StringBuilder(message.text());
        for (ContentPart part : message.attachments()) {
            attach(part, files, text);
        }
        if (files.isEmpty()) {
            mime.setText(text.toString(), "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text.toString(), "UTF-8");
            mixed.addBodyPart(body);
            for (MimeBodyPart file : files) {
                mixed.addBodyPart(file);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    /** Local files and data URLs travel as attachments; a web link is added to the text. */
    private static void attach(ContentPart part, List<MimeBodyPart> files, StringBuilder text)
            throws MessagingException, IOException {
        String url;
        String mediaType;
        String name;
        switch (part) {
            case ContentPart.Text extra -> {
                text.append("\n\n").append(extra.text());
                return;
            }
            case ContentPart.Image image -> {
                url = image.url();
                mediaType = image.mediaType();
                name = "image";
            }
            case ContentPart.Audio audio -> {
                url = audio.url();
                mediaType = audio.mediaType();
                name = "audio";
            }
            case ContentPart.File file -> {
                url = file.url();
                mediaType = file.mediaType();
                name = file.name();
            }
        }
        MimeBodyPart attachment = new MimeBodyPart();
        if (url.startsWith("file:")) {
            Path path = Path.of(URI.create(url));
            attachment.attachFile(path.toFile(), mediaType, null);
        } else if (url.startsWith("data:") && url.contains(";base64,")) {
            byte[] content = Base64.getDecoder().decode(url.substring(url.indexOf(";base64,") + 8));
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(content, mediaType)));
            attachment.setFileName(name);
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        } else {
            text.append("\n\n").append(url);
            return;
        }
        files.add(attachment);
    }

    /** A message that keeps the Message-ID we chose: {@code saveChanges} would otherwise make its own. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
