package hermes.plugin.gateway.internal;

import java.time.Duration;

/** How the supervisors wait; tests inject one that advances a fake clock instead of waiting. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration);

    /** Waits {@code duration}; an interrupt ends the wait early (pause, resume, stop use it). */
    void sleep(Duration duration) throws InterruptedException;
}
