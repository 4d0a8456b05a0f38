package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import hermes.api.Channel;

/**
 * "typing…" in the chats whose turn runs: shown at once and repeated every {@link #REPEAT} until the turn ends,
 * because Telegram's indicator fades after 5 s. One scheduler thread serves every chat; each call runs on a virtual
 * thread of its own, so a slow platform delays no other chat, and a chat whose last call has not returned skips a
 * beat rather than piling calls up. Typing is a hint: failures are logged at DEBUG and otherwise ignored.
 *
 * <p>Threading: any thread.
 */
final class TypingIndicator implements AutoCloseable {

    static final Duration REPEAT = Duration.ofSeconds(4);

    private static final System.Logger LOG = System.getLogger(TypingIndicator.class.getName());

    private final Function<String, Optional<Channel>> channels;
    private final Duration repeat;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hermes-gateway-typing").daemon().factory());

    /**
     * @param channels the running channel of a platform, if there is one (looked up at each beat, as channels restart)
     * @param repeat the time between two typing calls to one chat
     */
    TypingIndicator(Function<String, Optional<Channel>> channels, Duration repeat) {
        this.channels = channels;
        this.repeat = repeat;
    }

    /** What {@link #show} started; {@link #stop()} ends it (idempotent). */
    interface Showing {
        void stop();
    }

    /** Shows typing in the chat {@code target} names, read at each beat (replies follow a chat's latest message). */
    Showing show(Supplier<ReplyTarget> target) {
        AtomicBoolean calling = new AtomicBoolean();
        ScheduledFuture<?> beats = scheduler.scheduleAtFixedRate(() -> beat(target.get(), calling), 0,
                repeat.toMillis(), TimeUnit.MILLISECONDS);
        return () -> beats.cancel(false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void beat(ReplyTarget target, AtomicBoolean calling) {
        Optional<Channel> channel = channels.apply(target.platform());
        if (channel.isEmpty() || !calling.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("hermes-typing-" + target.platform()).start(() -> {
            try {
                channel.get().typing(target.chatId(), target.threadId());
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "typing in " + target.platform() + " chat " + target.chatId()
                        + " failed", e);
            } finally {
                calling.set(false);
            }
        });
    }
}
