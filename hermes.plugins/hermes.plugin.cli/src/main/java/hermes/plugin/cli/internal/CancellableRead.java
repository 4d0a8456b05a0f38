package hermes.plugin.cli.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets a blocking read on the CLI thread be stopped from elsewhere, by a deadline or by {@link #cancel}: it interrupts
 * the reading thread, and only while that read runs, so an interrupt never leaks into what the thread does next.
 *
 * <p>Both readers the CLI uses stop on an interrupt: JLine's {@code readLine} throws {@code UserInterruptException},
 * a queue's {@code take} throws {@code InterruptedException}.
 */
final class CancellableRead {

    /** A read that blocks until it has a line, or until the thread is interrupted. */
    interface Read {
        /** @return the line, or empty when there is none (end of input, Ctrl-C) */
        Optional<String> read() throws InterruptedException;
    }

    /** Guards {@link #reader} and {@link #cancelled}. */
    private final Object lock = new Object();
    private Thread reader;
    private boolean cancelled;

    /**
     * Runs {@code read} on the current thread until it returns, {@code deadline} passes or {@link #cancel} is called.
     *
     * @return what the read returned, or empty when it was stopped
     */
    Optional<String> run(Instant deadline, Read read) {
        synchronized (lock) {
            reader = Thread.currentThread();
            cancelled = false;
        }
        Thread timer = deadline.equals(Instant.MAX) ? null : Thread.ofVirtual().name("hermes-question-deadline")
                .start(() -> cancelAt(deadline));
        Optional<String> line;
        boolean interrupted = false;
        try {
            line = read.read();
        } catch (InterruptedException e) {
            line = Optional.empty();
            interrupted = true;
        }
        boolean stopped;
        synchronized (lock) {
            reader = null;
            stopped = cancelled;
        }
        if (timer != null) {
            timer.interrupt();
        }
        if (stopped) {
            // our own interrupt, which may have landed just after the read returned: it must not reach the caller
            Thread.interrupted();
            return Optional.empty();
        }
        if (interrupted) {
            // somebody else's interrupt (the CLI stopping): keep it for the caller's next wait
            Thread.currentThread().interrupt();
        }
        return line;
    }

    /** Stops the read that runs now, if any; from any thread. */
    void cancel() {
        synchronized (lock) {
            if (reader != null && !cancelled) {
                cancelled = true;
                reader.interrupt();
            }
        }
    }

    private void cancelAt(Instant deadline) {
        try {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isPositive()) {
                Thread.sleep(left);
            }
            cancel();
        } catch (InterruptedException readEnded) {
            // the read returned first
        }
    }
}
