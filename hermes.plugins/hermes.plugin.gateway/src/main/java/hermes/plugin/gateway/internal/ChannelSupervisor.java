package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.BiConsumer;

import hermes.api.Channel;

/**
 * Keeps one channel connected, on its own virtual thread, so a failing platform never stalls another: {@code start},
 * then a health check every few seconds; on a failed start, an unhealthy report or an exception, {@code stop} and start
 * again after a backoff that doubles from 1 s to 60 s and starts over once the channel has run healthy for a minute.
 *
 * <p>{@link #pause()}, {@link #resume()} and {@link #stop()} may be called from any thread; they set a flag and
 * interrupt the supervisor thread, which acts on the flag at once (a wait ends; a start in progress is abandoned).
 */
final class ChannelSupervisor {

    /**
     * How the supervisor keeps time; tests pass a fake clock and a sleeper that advances it.
     *
     * @param healthInterval the wait between health checks
     * @param healthyReset how long a channel must run healthy before its failure count starts over
     */
    record Timing(InstantSource clock, Sleeper sleeper, Duration healthInterval, Backoff backoff,
                  Duration healthyReset) {

        static final Timing REAL = new Timing(InstantSource.system(), Sleeper.REAL, Duration.ofSeconds(5),
                Backoff.DEFAULT, Duration.ofMinutes(1));

        Timing {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(healthInterval, "healthInterval");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(healthyReset, "healthyReset");
        }
    }

    private static final System.Logger LOG = System.getLogger(ChannelSupervisor.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Channel channel;
    private final Channel.Host host;
    private final Timing timing;
    private final BiConsumer<Channel, ChannelState> onChange;
    private volatile ChannelState state = new ChannelState.Stopped();
    private volatile boolean paused;
    private volatile boolean stopping;
    private Thread thread;

    /** @param onChange told of every state change, on the supervisor thread; must return quickly */
    ChannelSupervisor(Channel channel, Channel.Host host, Timing timing, boolean paused,
                      BiConsumer<Channel, ChannelState> onChange) {
        this.channel = channel;
        this.host = host;
        this.timing = timing;
        this.paused = paused;
        this.onChange = onChange;
    }

    Channel channel() {
        return channel;
    }

    ChannelState state() {
        return state;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name("hermes-gateway-" + channel.platform()).start(this::supervise);
        }
    }

    synchronized void pause() {
        paused = true;
        notifyAll();
        if (thread != null) {
            thread.interrupt();
        }
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Stops supervising and the channel; waits a bounded time for the channel's {@code stop}. Idempotent. */
    void stop() {
        Thread running;
        synchronized (this) {
            stopping = true;
            notifyAll();
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            if (!running.join(STOP_WAIT)) {
                LOG.log(System.Logger.Level.WARNING, channel.platform() + " did not stop within "
                        + STOP_WAIT.toSeconds() + " s; leaving it behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void supervise() {
        int failures = 0;
        while (awaitNotPaused()) {
            set(new ChannelState.Starting());
            Instant runningSince = null;
            String error;
            try {
                channel.start(host);
                runningSince = timing.clock().instant();
                set(new ChannelState.Running(runningSince));
                error = watch();
            } catch (InterruptedException e) {
                error = "interrupted while starting or running";
            } catch (Exception | LinkageError e) {
                error = describe(e);
            }
            stopChannel();
            if (stopping || paused) {
                continue;
            }
            Instant now = timing.clock().instant();
            if (runningSince != null && Duration.between(runningSince, now).compareTo(timing.healthyReset()) >= 0) {
                failures = 0;
            }
            failures++;
            Duration delay = timing.backoff().delay(failures);
            LOG.log(System.Logger.Level.WARNING, channel.platform() + " failed (" + error + "); restarting in "
                    + Durations.human(delay));
            set(new ChannelState.BackingOff(now.plus(delay), error, failures));
            try {
                timing.sleeper().sleep(delay);
            } catch (InterruptedException wokenForAFlag) {
                // pause or stop: the loop looks at the flags next
            }
        }
        set(new ChannelState.Stopped());
    }

    /** Waits while paused; false when stopping. Clears interrupts that only meant "look at the flags". */
    private boolean awaitNotPaused() {
        synchronized (this) {
            Thread.interrupted();
            while (paused && !stopping) {
                if (!(state instanceof ChannelState.Paused)) {
                    set(new ChannelState.Paused());
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    // a flag changed; the loop condition says which
                }
            }
            Thread.interrupted();
            return !stopping;
        }
    }

    /** Checks health until the channel fails; returns why. Throws when interrupted (pause or stop). */
    private String watch() throws InterruptedException {
        while (true) {
            timing.sleeper().sleep(timing.healthInterval());
            try {
                if (!channel.isHealthy()) {
                    return "the channel reported itself unhealthy";
                }
            } catch (Exception | LinkageError e) {
                return "health check failed: " + describe(e);
            }
        }
    }

    private void stopChannel() {
        try {
            channel.stop();
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, channel.platform() + " failed to stop: " + describe(e));
        }
    }

    private void set(ChannelState next) {
        state = next;
        try {
            onChange.accept(channel, next);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a gateway state listener failed", e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
