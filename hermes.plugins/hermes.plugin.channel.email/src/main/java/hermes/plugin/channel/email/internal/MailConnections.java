package hermes.plugin.channel.email.internal;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import hermes.plugin.channel.email.internal.EmailSettings.Security;

/**
 * Opens IMAP stores and SMTP transports for one set of {@link EmailSettings}. The store and transport are made
 * directly rather than by {@code Session.getStore("imap")}, so no provider lookup by name is needed inside OSGi.
 * Call it with {@link MailClassLoader} as the context class loader.
 */
final class MailConnections {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The IMAP read timeout; it ends a read on a connection that went dead without a close (a dropped NAT entry), so
     * it must be longer than {@link InboxWatcher#IDLE_REFRESH}, when a quiet IDLE is renewed.
     */
    static final Duration IMAP_READ_TIMEOUT = Duration.ofMinutes(3);
    static final Duration SMTP_TIMEOUT = Duration.ofSeconds(60);

    private final EmailSettings settings;
    private final Session session;

    MailConnections(EmailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    Session session() {
        return session;
    }

    /**
     * A connected IMAP store.
     *
     * @throws MessagingException when the server cannot be reached or refuses the login; the message says which
     *     setting to check
     */
    IMAPStore openStore() throws MessagingException {
        IMAPStore store = new IMAPStore(session, new URLName("imap", settings.imapHost(), settings.imapPort(), null,
                settings.address(), null));
        try {
            store.connect(settings.imapHost(), settings.imapPort(), settings.address(), settings.password());
        } catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException("IMAP login as " + settings.address() + " at "
                    + settings.imapHost() + ":" + settings.imapPort() + " was refused (" + e.getMessage()
                    + "); check " + EmailSettings.ADDRESS + " and " + EmailSettings.PASSWORD
                    + " (many providers want an app password)");
        } catch (MessagingException e) {
            throw new MessagingException("cannot connect to the IMAP server " + settings.imapHost() + ":"
                    + settings.imapPort() + " (" + describe(e) + "); check " + EmailSettings.IMAP_HOST + ", "
                    + EmailSettings.IMAP_PORT + " and " + EmailSettings.IMAP_SECURITY, e);
        }
        return store;
    }

    /**
     * A connected, logged-in SMTP transport.
     *
     * @throws MessagingException when the server cannot be reached or refuses the login; the message says which
     *     setting to check
     */
    SMTPTransport openTransport() throws MessagingException {
        SMTPTransport transport = new SMTPTransport(session, new URLName("smtp", settings.smtpHost(),
                settings.smtpPort(), null, settings.address(), null));
        try {
            transport.connect(settings.smtpHost(), settings.smtpPort(), settings.address(), settings.password());
        } catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException("SMTP login as " + settings.address() + " at "
                    + settings.smtpHost() + ":" + settings.smtpPort() + " was refused (" + e.getMessage()
                    + "); check " + EmailSettings.ADDRESS + " and " + EmailSettings.PASSWORD);
        } catch (MessagingException e) {
            throw new MessagingException("cannot connect to the SMTP server " + settings.smtpHost() + ":"
                    + settings.smtpPort() + " (" + describe(e) + "); check " + EmailSettings.SMTP_HOST + ", "
                    + EmailSettings.SMTP_PORT + " and " + EmailSettings.SMTP_SECURITY, e);
        }
        return transport;
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Properties properties(EmailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", millis(CONNECT_TIMEOUT));
        properties.put("mail.imap.timeout", millis(IMAP_READ_TIMEOUT));
        properties.put("mail.imap.writetimeout", millis(CONNECT_TIMEOUT));
        security(properties, "imap", settings.imapSecurity());
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.connectiontimeout", millis(CONNECT_TIMEOUT));
        properties.put("mail.smtp.timeout", millis(SMTP_TIMEOUT));
        properties.put("mail.smtp.writetimeout", millis(SMTP_TIMEOUT));
        properties.put("mail.smtp.from", settings.address());
        security(properties, "smtp", settings.smtpSecurity());
        return properties;
    }

    private static void security(Properties properties, String protocol, Security security) {
        switch (security) {
            case SSL -> {
                properties.put("mail." + protocol + ".ssl.enable", "true");
                properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            case STARTTLS -> {
                properties.put("mail." + protocol + ".starttls.enable", "true");
                properties.put("mail." + protocol + ".starttls.required", "true");
                properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // plain text: only for a server on loopback
            }
        }
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
