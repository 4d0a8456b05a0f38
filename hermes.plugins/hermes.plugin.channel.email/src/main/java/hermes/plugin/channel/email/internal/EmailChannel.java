package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import hermes.api.Channel;

/**
 * The email platform: IMAP in (IDLE where the server offers it, else polling every {@code EMAIL_POLL_INTERVAL}
 * seconds), SMTP out, one chat per mail thread. Settings: {@link EmailSettings}; thread state:
 * {@code $HERMES_HOME/platforms/email/threads.json} ({@link ThreadBook}); received attachments: {@code cache/}.
 *
 * <p>{@link #start} fails fast: it logs in to IMAP and SMTP and opens the INBOX before it returns, and throws with the
 * setting to fix when any of that fails. Healthy while the IMAP connection lasts; the gateway reconnects otherwise.
 *
 * <p>Threading: {@link #start} and {@link #stop} from the gateway's supervisor thread (serialised here all the same);
 * {@link #send} from any thread; inbound mail on the watcher's virtual thread.
 */
@Component(service = Channel.class, property = "hermes.id=" + Correspondence.PLATFORM)
public final class EmailChannel implements Channel {

    private static final System.Logger LOG = System.getLogger(EmailChannel.class.getName());

    private final Path home;
    private final Object lifecycle = new Object();
    private volatile Running running;

    private record Running(InboxWatcher watcher, Correspondence correspondence) {
    }

    /** The component: home from the framework property {@code hermes.home}, else {@code $HERMES_HOME}, else ~/.hermes. */
    @Activate
    public EmailChannel(BundleContext context) {
        this(home(context.getProperty("hermes.home")));
    }

    EmailChannel(Path home) {
        this.home = home;
    }

    @Override
    public String platform() {
        return Correspondence.PLATFORM;
    }

    @Override
    public void start(Host host) throws Exception {
        synchronized (lifecycle) {
            stop();
            EmailSettings settings = EmailSettings.from(host);
            ThreadBook book = ThreadBook.load(home.resolve("platforms").resolve("email").resolve("threads.json"));
            running = MailClassLoader.call(() -> connect(settings, book, host));
            LOG.log(System.Logger.Level.INFO, "email: connected as " + settings.address());
        }
    }

    private Running connect(EmailSettings settings, ThreadBook book, Host host)
            throws MessagingException, IOException {
        MailConnections connections = new MailConnections(settings);
        // SMTP first: a wrong SMTP setting should fail the start, not the first reply hours later
        try (SMTPTransport transport = connections.openTransport()) {
            LOG.log(System.Logger.Level.DEBUG, "email: SMTP login ok at " + transport.getURLName().getHost());
        }
        Correspondence correspondence = new Correspondence(settings, connections, book, new AttachmentCache(home),
                host);
        IMAPStore store = connections.openStore();
        InboxWatcher watcher;
        try {
            watcher = InboxWatcher.open(store, settings, book, correspondence::deliver);
        } catch (MessagingException | IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        watcher.start();
        return new Running(watcher, correspondence);
    }

    @Override
    @Deactivate
    public void stop() {
        synchronized (lifecycle) {
            Running current = running;
            running = null;
            if (current != null) {
                current.watcher().stop();
            }
        }
    }

    @Override
    public boolean isHealthy() {
        Running current = running;
        return current != null && current.watcher().isHealthy();
    }

    @Override
    public String send(Outbound message) throws IOException {
        Running current = running;
        if (current == null) {
            throw new IOException("the email channel is not connected; the message stays queued until it is");
        }
        return current.correspondence().send(message);
    }

    private static Path home(String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = System.getenv("HERMES_HOME");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return Path.of(System.getProperty("user.home"), ".hermes");
    }
}
