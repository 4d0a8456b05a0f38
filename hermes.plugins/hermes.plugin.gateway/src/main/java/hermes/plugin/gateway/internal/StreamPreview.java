package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import hermes.api.Channel;

/**
 * A turn's answer growing in one message while the model writes it: once the text has
 * {@link GatewaySettings.Streaming#bufferThreshold()} characters a preview message is sent (the text and
 * {@value #CURSOR}), then edited at most every {@link GatewaySettings.Streaming#editInterval()} with the text so far.
 * The threshold keeps a short answer, and a silence token, from ever showing as a preview.
 *
 * <p>The preview shows the current segment of the answer: when the model calls tools and then writes on,
 * {@link #newSegment()} starts over, and the message shows the new text once it passes the threshold — so the message
 * ends up holding the final answer, as a reply sent whole would. The final text itself is not put in here: it goes
 * through the durable outbox as an edit of {@link Shown#messageId()}.
 *
 * <p>Best effort: a failed send or edit ends the preview (the outbox still delivers the answer), and the calls run on
 * a virtual thread of the preview, never on the thread that delivers the runtime's events. Threading: any thread.
 */
final class StreamPreview {

    static final String CURSOR = " ▉";
    /**
     * A preview stops growing here: below Telegram's 4096 characters, the smallest message of the platforms that edit
     * today, so an edit never has to split. The final edit holds the whole answer (the channel splits a long one).
     */
    static final int MAX_PREVIEW = 4000;
    /** How long {@link #finish()} waits for a send or edit in flight, whose message id the final edit needs. */
    static final Duration FINISH_WAIT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(StreamPreview.class.getName());

    /** The preview message and the text it shows (without the cursor). */
    record Shown(String messageId, String text) {
    }

    private final Supplier<Optional<Channel>> channel;
    private final Channel.Outbound target;
    private final GatewaySettings.Streaming streaming;
    private final BooleanSupplier mayStart;
    private final StringBuilder segment = new StringBuilder();
    private Optional<Shown> shown = Optional.empty();
    private boolean finished;
    private Thread pump;

    /**
     * @param channel the running channel of the chat's platform, looked up at each call
     * @param target the chat, thread and reply of the preview message (its text is not used)
     * @param mayStart whether the preview message may be sent now: not while earlier replies of the chat wait in the
     *     outbox, which the preview would overtake
     */
    StreamPreview(Supplier<Optional<Channel>> channel, Channel.Outbound target, GatewaySettings.Streaming streaming,
                  BooleanSupplier mayStart) {
        this.channel = channel;
        this.target = target;
        this.streaming = streaming;
        this.mayStart = mayStart;
    }

    /** A piece of the answer arrived. */
    synchronized void append(String delta) {
        if (finished) {
            return;
        }
        segment.append(delta);
        if (pump == null) {
            pump = Thread.ofVirtual().name("hermes-preview-" + target.chatId()).start(this::run);
        }
        notifyAll();
    }

    /** The model called tools: the text that follows replaces what the preview shows. */
    synchronized void newSegment() {
        segment.setLength(0);
    }

    /**
     * Ends the preview: no more sends or edits. Waits (at most {@link #FINISH_WAIT}) for a call in flight, then
     * returns the preview message, if one was sent.
     */
    Optional<Shown> finish() {
        Thread running;
        synchronized (this) {
            finished = true;
            notifyAll();
            running = pump;
        }
        if (running != null) {
            try {
                if (!running.join(FINISH_WAIT)) {
                    LOG.log(System.Logger.Level.WARNING, "a preview in " + target.chatId() + " did not answer within "
                            + FINISH_WAIT.toSeconds() + " s; the reply goes out as a new message");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            return shown;
        }
    }

    /**
     * Takes the cursor off a finished preview whose turn sent no text (a silence token, an interrupted turn, only
     * attachments): the text it showed stays, as it cannot be deleted, but no longer promises more. Best effort.
     */
    void settle(Shown preview) {
        Thread.ofVirtual().name("hermes-preview-" + target.chatId()).start(() -> {
            try {
                Optional<Channel> live = channel.get();
                if (live.isPresent()) {
                    live.get().edit(target.chatId(), preview.messageId(), preview.text());
                }
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "could not take the cursor off a preview in " + target.chatId(), e);
            }
        });
    }

    private void run() {
        try {
            while (true) {
                String next;
                Optional<Shown> current;
                synchronized (this) {
                    while (!finished && !due()) {
                        wait();
                    }
                    if (finished) {
                        return;
                    }
                    next = display();
                    current = shown;
                }
                if (current.isEmpty() && !mayStart.getAsBoolean()) {
                    pause();
                    continue;
                }
                Shown now = show(current, next);
                synchronized (this) {
                    shown = Optional.of(now);
                }
                pause();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // the preview ends here; the outbox still delivers the answer, as a new message if none was shown
            LOG.log(System.Logger.Level.DEBUG, "the preview in " + target.chatId() + " ended", e);
        }
    }

    private Shown show(Optional<Shown> current, String text) throws Exception {
        Channel live = channel.get().orElseThrow(() -> new IllegalStateException("the channel is not running"));
        if (current.isEmpty()) {
            String id = live.send(new Channel.Outbound(target.chatId(), target.threadId(), target.replyTo(),
                    text + CURSOR, List.of()));
            return new Shown(id, text);
        }
        live.edit(target.chatId(), current.get().messageId(), text + CURSOR);
        return new Shown(current.get().messageId(), text);
    }

    /** Waits the edit interval, or less when the turn finishes. */
    private synchronized void pause() throws InterruptedException {
        long deadline = System.nanoTime() + streaming.editInterval().toNanos();
        for (long left = streaming.editInterval().toNanos(); !finished && left > 0;
             left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Whether the text differs from what is shown and is long enough to show. */
    private boolean due() {
        String text = display();
        return text.length() >= streaming.bufferThreshold()
                && !text.equals(shown.map(Shown::text).orElse(""));
    }

    /** The segment as the chat would get it (media lines and directives taken out), cut to {@link #MAX_PREVIEW}. */
    private String display() {
        String text = Replies.of(segment.toString()).map(Replies.Reply::text).orElse("");
        if (text.length() <= MAX_PREVIEW) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_PREVIEW - 1)) ? MAX_PREVIEW - 1 : MAX_PREVIEW;
        return text.substring(0, end);
    }
}
