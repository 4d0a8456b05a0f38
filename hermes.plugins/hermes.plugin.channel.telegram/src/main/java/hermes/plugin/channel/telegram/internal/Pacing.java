package hermes.plugin.channel.telegram.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the poller goes; tests pass short waits.
 *
 * @param idlePause the least time between the starts of two polls that came back empty: a server that does not hold
 *     {@code getUpdates} open (a long-poll timeout of 0, or the test emulator, which ignores it) would otherwise be
 *     asked in a tight loop
 * @param firstBackoff the wait after the first failed poll; it doubles with every further failure
 * @param maxBackoff the longest wait between failed polls
 * @param unhealthyAfter failed polls in a row after which the channel reports itself unhealthy, so the gateway
 *     restarts it
 */
record Pacing(Duration idlePause, Duration firstBackoff, Duration maxBackoff, int unhealthyAfter) {

    static final Pacing DEFAULT = new Pacing(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30), 5);

    Pacing {
        Objects.requireNonNull(idlePause, "idlePause");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (unhealthyAfter < 1) {
            throw new IllegalArgumentException("unhealthyAfter must be at least 1");
        }
    }

    /** The wait after {@code failures} failed polls in a row (1 or more). */
    Duration backoff(int failures) {
        Duration delay = firstBackoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
