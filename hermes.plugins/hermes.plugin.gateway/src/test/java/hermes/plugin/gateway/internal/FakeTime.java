package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock the tests move, and a sleeper that moves it instead of waiting (after a real millisecond, to yield). */
final class FakeTime implements InstantSource, Sleeper {

    private volatile Instant now;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        sleeps.add(duration);
        Thread.sleep(1);
        advance(duration);
    }
}
