package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Watches the INBOX on its own virtual thread: reads every new unseen message, marks it seen and hands it on; then
 * waits for the next one with IMAP IDLE where the server offers it, else sleeps for the poll interval. Any connection
 * failure ends the thread and makes {@link #isHealthy()} false; reconnecting is the gateway supervisor's job (it calls
 * {@code stop} and {@code start} with backoff), so there is one reconnect policy for every channel.
 *
 * <p>"New" means a UID above the mark in {@link ThreadBook}: on the very first connection the mark is set to the
 * newest message, so an old mailbox full of unread mail is not answered (as the original does); after that, mail that
 * arrived while Hermes was down is answered on the next start.
 */
final class InboxWatcher {

    /** A quiet IDLE is renewed this often: servers drop one after 30 minutes, and NATs sooner. */
    static final Duration IDLE_REFRESH = Duration.ofMinutes(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(InboxWatcher.class.getName());

    /** Receives each new message; runs on the watcher thread. */
    @FunctionalInterface
    interface Delivery {
        void deliver(InboundMail mail) throws IOException;
    }

    private final IMAPStore store;
    private final IMAPFolder inbox;
    private final EmailSettings settings;
    private final ThreadBook book;
    private final Delivery delivery;
    private final boolean idle;
    private final long uidValidity;
    private volatile boolean running = true;
    private volatile boolean connected = true;
    private Thread thread;

    private InboxWatcher(IMAPStore store, IMAPFolder inbox, EmailSettings settings, ThreadBook book,
                         Delivery delivery, boolean idle, long uidValidity) {
        this.store = store;
        this.inbox = inbox;
        this.settings = settings;
        this.book = book;
        this.delivery = delivery;
        this.idle = idle;
        this.uidValidity = uidValidity;
    }

    /**
     * Opens the INBOX of {@code store} and sets the read mark; call {@link #start()} next.
     *
     * @throws MessagingException when the INBOX cannot be opened
     * @throws IOException when the mark cannot be saved
     */
    static InboxWatcher open(IMAPStore store, EmailSettings settings, ThreadBook book, Delivery delivery)
            throws MessagingException, IOException {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        long validity = inbox.getUIDValidity();
        if (book.mark().filter(mark -> mark.uidValidity() == validity).isEmpty()) {
            int count = inbox.getMessageCount();
            long newest = count == 0 ? 0 : inbox.getUID(inbox.getMessage(count));
            book.mark(new ThreadBook.Mark(validity, newest));
            LOG.log(System.Logger.Level.INFO, "email: first look at this INBOX; " + count
                    + " existing messages left alone, new mail from now on is answered");
        }
        return new InboxWatcher(store, inbox, settings, book, delivery, store.hasCapability("IDLE"), validity);
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("hermes-email-inbox").start(this::watch);
        }
    }

    boolean isHealthy() {
        Thread running = thread;
        return connected && running != null && running.isAlive();
    }

    /** Ends the thread and closes the connection; waits a bounded time. Idempotent. */
    void stop() {
        running = false;
        Thread watching;
        synchronized (this) {
            watching = thread;
        }
        if (watching != null) {
            // on a virtual thread this also aborts a blocking IDLE read (the socket is closed)
            watching.interrupt();
            try {
                watching.join(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    private void watch() {
        Thread.currentThread().setContextClassLoader(MailClassLoader.INSTANCE);
        try {
            while (running) {
                int before = inbox.getMessageCount();
                readNew();
                // mail that came while we were reading was announced to those commands, not to the next IDLE
                if (!running || inbox.getMessageCount() != before) {
                    continue;
                }
                if (idle) {
                    waitIdle();
                } else {
                    Thread.sleep(settings.pollInterval());
                }
            }
        } catch (InterruptedException stopping) {
            // stop() asked
        } catch (MessagingException | IOException | RuntimeException e) {
            if (running) {
                LOG.log(System.Logger.Level.WARNING, "email: lost the IMAP connection ("
                        + MailConnections.describe(e) + "); the gateway will reconnect");
            }
        } finally {
            connected = false;
            close();
        }
    }

    /** Hands on every unseen message above the mark, oldest first. */
    private void readNew() throws MessagingException, IOException {
        Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        FetchProfile uids = new FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(unseen, uids);
        long last = book.mark().map(ThreadBook.Mark::lastUid).orElse(0L);
        Message[] ordered = unseen.clone();
        Arrays.sort(ordered, Comparator.comparingLong(this::uid));
        for (Message message : ordered) {
            long uid = uid(message);
            if (!running || uid <= last) {
                continue;
            }
            InboundMail mail = null;
            try {
                mail = InboundMail.read((MimeMessage) message, "<uid-" + uidValidity + "-" + uid + "@"
                        + settings.domain() + ">", settings.skipAttachments());
            } catch (MessagingException | IOException e) {
                if (!inbox.isOpen()) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "email: skipped message UID " + uid + " that cannot be read ("
                        + MailConnections.describe(e) + ")");
            }
            message.setFlag(Flags.Flag.SEEN, true);
            book.mark(new ThreadBook.Mark(uidValidity, uid));
            last = uid;
            if (mail != null) {
                delivery.deliver(mail);
            }
        }
    }

    /**
     * One IDLE: returns when the server reports a change, or after {@link #IDLE_REFRESH}, when a helper thread's NOOP
     * ends it (Angus ends an IDLE when another thread uses the folder).
     */
    private void waitIdle() throws MessagingException, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread.ofVirtual().name("hermes-email-idle-refresh").start(() -> {
            try {
                if (!done.await(IDLE_REFRESH.toMillis(), TimeUnit.MILLISECONDS)) {
                    inbox.getMessageCount();
                }
            } catch (InterruptedException | MessagingException | RuntimeException e) {
                // the watcher itself notices a broken connection
            }
        });
        try {
            inbox.idle(true);
        } finally {
            done.countDown();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private long uid(Message message) {
        try {
            return inbox.getUID(message);
        } catch (MessagingException e) {
            return -1;
        }
    }

    private void close() {
        try {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection: nothing left to do
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // as above
        }
    }
}
