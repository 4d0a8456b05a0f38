package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens on another thread; generous, because CI has two cores. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
