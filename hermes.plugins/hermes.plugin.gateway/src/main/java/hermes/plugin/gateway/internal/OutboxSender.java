package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import hermes.api.Channel;

/**
 * Delivers the outbox: every reply is stored first, then sent by the sender of its chat, strictly in order — a reply
 * that fails is retried with backoff, and nothing behind it in the same chat overtakes it. Chats never wait for each
 * other (one virtual thread per chat with work, gone when the chat is drained).
 *
 * <p>Exactly once as far as the platform allows: a row is marked sent right after {@link Channel#send} returns. The
 * window between the platform accepting a message and that mark being committed (a few milliseconds) is the one place
 * a crash can make a reply go out twice; a crash anywhere else loses nothing and duplicates nothing.
 *
 * <p>A reply the platform refuses for good ({@link Channel.RejectedException}) is recorded as refused and the chat goes
 * on with the next one: retrying it could never succeed and would hold up every later reply of the chat. A reply whose
 * text was streamed into a preview ({@link Outbox.Row#editOf()}) is delivered by editing the preview — an edit is
 * idempotent, so one repeated after a crash shows the same text — and, when the preview cannot be edited any more, as
 * a new message.
 *
 * <p>While a platform has no running channel its chats wait; {@link #kickPlatform} (the channel (re)connected) and
 * {@link #kickAll} (the gateway started) wake them.
 */
final class OutboxSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    private final Outbox outbox;
    private final Function<String, Optional<Channel>> liveChannels;
    private final Backoff backoff;
    private final InstantSource clock;
    private final ConcurrentMap<Outbox.ChatAddress, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param liveChannels the running channel of a platform, if there is one
     * @param backoff the waits between failed attempts of one reply
     */
    OutboxSender(Outbox outbox, Function<String, Optional<Channel>> liveChannels, Backoff backoff,
                 InstantSource clock) {
        this.outbox = outbox;
        this.liveChannels = liveChannels;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Stores {@code message} for {@code platform} and has its chat's sender deliver it after the ones before it. */
    void send(String platform, Channel.Outbound message) {
        send(platform, message, Optional.empty());
    }

    /** Like {@link #send(String, Channel.Outbound)}, delivered into the preview message {@code editOf} when present. */
    void send(String platform, Channel.Outbound message, Optional<String> editOf) {
        try {
            outbox.add(platform, message, editOf, clock.instant());
            kick(new Outbox.ChatAddress(platform, message.chatId()));
        } catch (IOException e) {
            // the store is broken: a reply sent without it is better than one lost
            LOG.log(System.Logger.Level.ERROR, "the outbox cannot store a reply to " + platform + " chat "
                    + message.chatId() + ", so it is sent once without a retry: " + e.getMessage());
            Thread.ofVirtual().name("hermes-outbox-direct").start(() -> sendUnstored(platform, message));
        }
    }

    /**
     * Like {@link #send}, but a message the outbox cannot store is the caller's to keep: it is not sent, and the
     * exception says why (messages outside a conversation, whose sender records the failure).
     */
    void queue(String platform, Channel.Outbound message) throws IOException {
        outbox.add(platform, message, clock.instant());
        kick(new Outbox.ChatAddress(platform, message.chatId()));
    }

    /** Wakes the senders of every chat of {@code platform} with unsent replies (its channel is running again). */
    void kickPlatform(String platform) {
        chatsWithUnsent().stream().filter(chat -> chat.platform().equals(platform)).forEach(this::kick);
    }

    /** Wakes the sender of every chat with unsent replies (the gateway started). */
    void kickAll() {
        chatsWithUnsent().forEach(this::kick);
    }

    int unsentCount() {
        try {
            return outbox.unsentCount();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return 0;
        }
    }

    int refusedCount() {
        try {
            return outbox.refusedCount();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return 0;
        }
    }

    /**
     * Whether {@code chat} has replies waiting; a preview, which bypasses the outbox, starts only when it has none, so
     * it never overtakes an earlier reply. True when the outbox cannot tell.
     */
    boolean hasUnsent(Outbox.ChatAddress chat) {
        try {
            return !outbox.unsent(chat).isEmpty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        List<Lane> running = List.copyOf(lanes.values());
        running.forEach(Lane::wake);
        for (Lane lane : running) {
            lane.join(Duration.ofSeconds(2));
        }
    }

    private List<Outbox.ChatAddress> chatsWithUnsent() {
        try {
            return outbox.chatsWithUnsent();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return List.of();
        }
    }

    void kick(Outbox.ChatAddress chat) {
        while (!closed) {
            Lane lane = lanes.computeIfAbsent(chat, Lane::new);
            if (lane.kick()) {
                return;
            }
            // that lane just retired; the next computeIfAbsent makes a fresh one
        }
    }

    private void drain(Lane lane) {
        int failures = 0;
        while (!closed) {
            List<Outbox.Row> rows;
            try {
                rows = outbox.unsent(lane.chat);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage());
                lane.await(backoff.delay(++failures));
                continue;
            }
            if (rows.isEmpty()) {
                if (lane.retireIfIdle(lanes)) {
                    return;
                }
                continue;
            }
            for (Outbox.Row row : rows) {
                if (closed) {
                    return;
                }
                Optional<Channel> channel = liveChannels.apply(row.platform());
                if (channel.isEmpty()) {
                    // nothing to send to: wait for the channel to come up (it kicks us), checking now and then
                    lane.await(backoff.max());
                    break;
                }
                if (!deliver(row, channel.get())) {
                    lane.await(backoff.delay(++failures));
                    break;
                }
                failures = 0;
            }
        }
    }

    /** Sends one row and marks it sent (or refused); false when the platform did not confirm it. */
    private boolean deliver(Outbox.Row row, Channel channel) {
        String platformId;
        try {
            platformId = row.editOf().isPresent() ? deliverIntoPreview(row, row.editOf().get(), channel)
                    : channel.send(row.message());
        } catch (Channel.RejectedException e) {
            LOG.log(System.Logger.Level.WARNING, "reply " + row.id() + " to " + row.platform() + " chat "
                    + row.message().chatId() + " was refused by the platform and is dropped: " + e.getMessage());
            try {
                outbox.markRefused(row.id(), "refused: " + e.getMessage(), clock.instant());
            } catch (IOException recordFailed) {
                LOG.log(System.Logger.Level.WARNING, recordFailed.getMessage());
                return false;
            }
            return true;
        } catch (Exception | LinkageError e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(System.Logger.Level.INFO, "reply " + row.id() + " to " + row.platform() + " chat "
                    + row.message().chatId() + " not delivered (attempt " + (row.attempts() + 1) + "), retrying: "
                    + error);
            try {
                outbox.recordFailure(row.id(), error);
            } catch (IOException recordFailed) {
                LOG.log(System.Logger.Level.WARNING, recordFailed.getMessage());
            }
            return false;
        }
        try {
            outbox.markSent(row.id(), platformId == null ? "" : platformId, clock.instant());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "reply " + row.id() + " was delivered but cannot be marked sent, so it"
                    + " may be delivered again: " + e.getMessage());
        }
        return true;
    }

    /**
     * Puts the final text into the preview and sends the attachments after it. A refused edit (the preview was deleted,
     * is too old to edit, or the channel was replaced by one that cannot edit) sends the whole reply as a new message.
     */
    private String deliverIntoPreview(Outbox.Row row, String previewId, Channel channel) throws IOException {
        Channel.Outbound message = row.message();
        if (!channel.canEdit()) {
            return channel.send(message);
        }
        try {
            channel.edit(message.chatId(), previewId, message.text());
        } catch (Channel.RejectedException refused) {
            LOG.log(System.Logger.Level.INFO, "the preview of reply " + row.id() + " cannot be edited ("
                    + refused.getMessage() + "); the reply is sent as a new message");
            return channel.send(message);
        }
        if (!message.attachments().isEmpty()) {
            channel.send(new Channel.Outbound(message.chatId(), message.threadId(), Optional.empty(), "",
                    message.attachments()));
        }
        return previewId;
    }

    private void sendUnstored(String platform, Channel.Outbound message) {
        Optional<Channel> channel = liveChannels.apply(platform);
        try {
            if (channel.isPresent()) {
                channel.get().send(message);
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "a reply to " + platform + " was lost: no running channel and no"
                    + " outbox");
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "a reply to " + platform + " was lost: " + e.getMessage());
        }
    }

    /** The sender of one chat: a virtual thread while the chat has unsent replies. */
    private final class Lane {
        private final Outbox.ChatAddress chat;
        private final Semaphore wakeUps = new Semaphore(0);
        private boolean running;
        private boolean retired;
        private Thread thread;

        Lane(Outbox.ChatAddress chat) {
            this.chat = chat;
        }

        /** Starts the sender or wakes it; false when this lane has retired and a new one must be made. */
        synchronized boolean kick() {
            if (retired) {
                return false;
            }
            if (running) {
                wakeUps.release();
            } else {
                running = true;
                thread = Thread.ofVirtual().name("hermes-outbox-" + chat.platform()).start(() -> drain(this));
            }
            return true;
        }

        /** Ends the sender unless a kick came since the last look at the outbox. */
        synchronized boolean retireIfIdle(ConcurrentMap<Outbox.ChatAddress, Lane> all) {
            if (wakeUps.drainPermits() > 0) {
                return false;
            }
            running = false;
            retired = true;
            all.remove(chat, this);
            return true;
        }

        void await(Duration timeout) {
            try {
                if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void wake() {
            wakeUps.release();
        }

        void join(Duration timeout) {
            Thread current;
            synchronized (this) {
                current = thread;
            }
            if (current == null) {
                return;
            }
            try {
                current.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
