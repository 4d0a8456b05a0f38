package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.time.Instant;

/** Where a supervised channel is, as {@code /platform list} and {@code hermes gateway status} show it. */
sealed interface ChannelState {

    /** One line for people, relative to {@code now}. */
    String describe(Instant now);

    /** {@code start} was called and has not returned. */
    record Starting() implements ChannelState {
        @Override
        public String describe(Instant now) {
            return "starting";
        }
    }

    /** Connected and healthy since {@code since}. */
    record Running(Instant since) implements ChannelState {
        @Override
        public String describe(Instant now) {
            return "running for " + Durations.human(Duration.between(since, now));
        }
    }

    /** Failed {@code failures} times in a row; the next attempt is at {@code nextRetry}. */
    record BackingOff(Instant nextRetry, String lastError, int failures) implements ChannelState {
        @Override
        public String describe(Instant now) {
            Duration wait = Duration.between(now, nextRetry);
            return "backing off: retry in " + Durations.human(wait.isNegative() ? Duration.ZERO : wait) + " (failure "
                    + failures + "); last error: " + lastError;
        }
    }

    /** Stopped by {@code /platform pause}. */
    record Paused() implements ChannelState {
        @Override
        public String describe(Instant now) {
            return "paused (/platform resume to start it again)";
        }
    }

    /** Installed but not enabled in the settings. */
    record Disabled(String howToEnable) implements ChannelState {
        @Override
        public String describe(Instant now) {
            return "disabled (" + howToEnable + ")";
        }
    }

    /** Not supervised: the gateway is not running in this process. */
    record Stopped() implements ChannelState {
        @Override
        public String describe(Instant now) {
            return "stopped";
        }
    }
}
