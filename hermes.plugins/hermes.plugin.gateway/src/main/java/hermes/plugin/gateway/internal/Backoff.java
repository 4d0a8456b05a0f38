package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: {@code initial} for the first failure, doubling with each further one up to {@code max}.
 *
 * @param initial the first delay
 * @param max the longest delay
 */
record Backoff(Duration initial, Duration max) {

    /** The gateway's: 1 s doubling to 60 s. */
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + ", " + max);
        }
    }

    /** The delay after the {@code failures}-th failure in a row (1 for the first). */
    Duration delay(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
