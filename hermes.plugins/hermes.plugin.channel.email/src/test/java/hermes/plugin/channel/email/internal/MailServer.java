package hermes.plugin.channel.email.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail on free loopback ports with two mailboxes: the bot's ({@value #BOT}) and a user's ({@value #ALICE}). The
 * user writes through real SMTP; {@link #restart()} brings the server back on the same ports with empty mailboxes.
 */
final class MailServer implements AutoCloseable {

    static final String BOT = "hermes@example.test";
    static final String BOT_PASSWORD = "secret";
    static final String ALICE = "alice@example.test";

    private final int smtpPort;
    private final int imapPort;
    private GreenMail greenMail;

    private MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = started(smtpPort, imapPort);
    }

    static MailServer start() {
        GreenMail probe = started(0, 0);
        int smtp = probe.getSmtp().getPort();
        int imap = probe.getImap().getPort();
        probe.stop();
        return new MailServer(smtp, imap);
    }

    private static GreenMail started(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(smtpPort == 0 ? ServerSetup.dynamicPort(new ServerSetup[] {smtp, imap})
                : new ServerSetup[] {smtp, imap});
        greenMail.start();
        greenMail.setUser(BOT, BOT, BOT_PASSWORD);
        greenMail.setUser(ALICE, ALICE, "pw");
        return greenMail;
    }

    /** The settings the bot needs to reach this server, as {@code $HERMES_HOME/.env} would give them. */
    Map<String, String> botSettings() {
        return Map.of(EmailSettings.ADDRESS, BOT, EmailSettings.PASSWORD, BOT_PASSWORD,
                EmailSettings.IMAP_HOST, "127.0.0.1", EmailSettings.IMAP_PORT, Integer.toString(imapPort),
                EmailSettings.IMAP_SECURITY, "none", EmailSettings.SMTP_HOST, "127.0.0.1",
                EmailSettings.SMTP_PORT, Integer.toString(smtpPort), EmailSettings.SMTP_SECURITY, "none");
    }

    /** Alice writes to the bot; returns the Message-ID of her mail. */
    String aliceWrites(String subject, String body, Optional<String> inReplyTo, List<String> references)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress("Alice Example <" + ALICE.toUpperCase() + ">"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BOT));
        message.setSubject(subject);
        message.setText(body, "UTF-8");
        inReplyTo.ifPresent(id -> header(message, "In-Reply-To", id));
        if (!references.isEmpty()) {
            header(message, "References", String.join(" ", references));
        }
        return send(message);
    }

    /** Sends a message that the caller built with {@link #session()}; returns its Message-ID. */
    String send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
        return message.getMessageID();
    }

    Session session() {
        return greenMail.getSmtp().createSession();
    }

    /** The first mail that reaches Alice within the timeout. */
    MimeMessage awaitMailToAlice() throws InterruptedException, MessagingException {
        return awaitMailsToAlice(1).getFirst();
    }

    /** The first {@code count} mails that reach Alice, in order of arrival; fails after 20 s. */
    List<MimeMessage> awaitMailsToAlice(int count) throws InterruptedException, MessagingException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<MimeMessage> toAlice = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessagesForDomain("example.test")) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(ALICE))) {
                    toAlice.add(message);
                }
            }
            if (toAlice.size() >= count) {
                return toAlice.subList(0, count);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(count + " mails did not reach " + ALICE + " within 20 s");
    }

    void restart() {
        greenMail.stop();
        greenMail = started(smtpPort, imapPort);
    }

    void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static void header(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
