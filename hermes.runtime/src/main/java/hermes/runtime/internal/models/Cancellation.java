package hermes.runtime.internal.models;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The interrupt signal of one turn: the model call in flight, the backoff between retries and the running tool calls
 * all register here, and {@link #cancel()} stops them all at once.
 *
 * <p>Threading: safe for concurrent use; actions run once, on the cancelling thread.
 */
public final class Cancellation {

    private final CountDownLatch latch = new CountDownLatch(1);
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    public boolean isCancelled() {
        return latch.getCount() == 0;
    }

    /** Runs {@code action} on cancel, or at once when already cancelled. */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (isCancelled() && actions.remove(action)) {
            action.run();
        }
    }

    /** Forgets an action whose work finished. */
    public void remove(Runnable action) {
        actions.remove(action);
    }

    public void cancel() {
        if (isCancelled()) {
            return;
        }
        latch.countDown();
        for (Runnable action : actions) {
            if (actions.remove(action)) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    System.getLogger(Cancellation.class.getName()).log(System.Logger.Level.WARNING,
                            "a cancel action failed", e);
                }
            }
        }
    }

    /** Waits up to {@code duration}; returns early (true) when cancelled. */
    public boolean await(Duration duration) throws InterruptedException {
        return latch.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
