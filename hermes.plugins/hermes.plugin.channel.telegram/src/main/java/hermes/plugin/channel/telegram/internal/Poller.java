package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Channel;

/**
 * The long-polling loop on its own virtual thread: {@code getUpdates} with {@code offset} (the last {@code update_id}
 * + 1, which also confirms everything before it to Telegram) and {@code timeout}, each update read and handed to the
 * host in order, then the next poll.
 *
 * <p>The offset lives in the channel and survives a restart of the poller, so a restart neither repeats nor skips
 * updates. A failed poll waits with doubling backoff (or Telegram's {@code retry_after}); after
 * {@link Pacing#unhealthyAfter()} failures in a row {@link #isHealthy()} turns false and the gateway restarts the
 * channel. One good poll makes it healthy again.
 *
 * <p>{@link #stop()} may be called from any thread; the caller also cancels the HTTP call in flight.
 */
final class Poller {

    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    private final BotApi api;
    private final InboundReader reader;
    private final Consumer<Channel.Inbound> host;
    private final AtomicLong offset;
    private final Duration pollTimeout;
    private final Pacing pacing;
    private volatile boolean stopping;
    private volatile int failures;
    private Thread thread;

    /** @param offset the next {@code update_id} wanted; advanced as updates arrive */
    Poller(BotApi api, InboundReader reader, Consumer<Channel.Inbound> host, AtomicLong offset, Duration pollTimeout,
           Pacing pacing) {
        this.api = api;
        this.reader = reader;
        this.host = host;
        this.offset = offset;
        this.pollTimeout = pollTimeout;
        this.pacing = pacing;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("hermes-telegram-poller").start(this::run);
        }
    }

    /** Ends the loop and waits up to {@code wait} for the thread. Idempotent. */
    void stop(Duration wait) {
        Thread running;
        synchronized (this) {
            stopping = true;
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            if (!running.join(wait)) {
                LOG.log(System.Logger.Level.WARNING, "the Telegram poller did not stop within " + wait.toMillis()
                        + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isHealthy() {
        Thread running = thread;
        return !stopping && running != null && running.isAlive() && failures < pacing.unhealthyAfter();
    }

    private void run() {
        while (!stopping) {
            long started = System.nanoTime();
            try {
                JsonNode updates = api.call("getUpdates", api.params().put("offset", offset.get())
                        .put("timeout", pollTimeout.toSeconds()));
                failures = 0;
                deliver(updates);
                if (updates.isEmpty()) {
                    pause(pacing.idlePause().minus(Duration.ofNanos(System.nanoTime() - started)));
                }
            } catch (IOException e) {
                if (stopping) {
                    break;
                }
                int failed = ++failures;
                Duration delay = e instanceof TelegramException telegram && telegram.retryAfter().isPresent()
                        ? telegram.retryAfter().get()
                        : pacing.backoff(failed);
                LOG.log(System.Logger.Level.WARNING, "polling Telegram failed (" + failed + " in a row): "
                        + e.getMessage() + "; next try in " + delay.toMillis() + " ms");
                pause(delay);
            } catch (RuntimeException e) {
                // A bug in reading one update must not kill the loop silently: count it, so health reports it.
                failures++;
                LOG.log(System.Logger.Level.ERROR, "the Telegram poller failed", e);
                pause(pacing.backoff(failures));
            }
        }
    }

    private void deliver(JsonNode updates) {
        for (JsonNode update : updates) {
            // Not max(offset, id + 1): after a week without updates Telegram may restart the numbering lower.
            long id = update.path("update_id").asLong(-1);
            if (id >= 0) {
                offset.set(id + 1);
            }
            try {
                reader.read(update).ifPresent(host);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "dropped Telegram update " + id + " that could not be handed over",
                        e);
            }
        }
    }

    private void pause(Duration wait) {
        if (wait.isNegative() || wait.isZero() || stopping) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            // stop() interrupts; the loop condition ends the loop
        }
    }
}
