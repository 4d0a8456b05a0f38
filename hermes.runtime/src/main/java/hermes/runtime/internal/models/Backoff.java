package hermes.runtime.internal.models;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The original's retry schedule (reference §8): base 5 s, doubling per attempt, capped at 120 s, plus up to 50% random
 * jitter so many clients that failed together do not retry together.
 *
 * @param base the first delay
 * @param cap the longest delay before jitter
 * @param random a source of numbers in [0, 1); injected so tests can pin the jitter
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(120), Math::random);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry) {
        long baseMillis = base.toMillis();
        long exponential = retry >= 31 ? cap.toMillis() : Math.min(cap.toMillis(), baseMillis << (retry - 1));
        long jitter = Math.round(exponential * 0.5 * random.getAsDouble());
        return Duration.ofMillis(exponential + jitter);
    }
}
