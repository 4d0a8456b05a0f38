package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import hermes.api.Channel;

class ChannelSupervisorTest {

    FakeTime time = new FakeTime(Instant.parse("2025-03-10T12:00:00Z"));
    ChannelSupervisor.Timing timing = new ChannelSupervisor.Timing(time, time, Duration.ofSeconds(5),
            Backoff.DEFAULT, Duration.ofMinutes(1));
    FakeChannel channel = new FakeChannel("telegram");
    List<ChannelState> states = new CopyOnWriteArrayList<>();
    ChannelSupervisor supervisor = new ChannelSupervisor(channel, new Channel.Host() {
        @Override
        public void receive(Channel.Inbound message) {
        }
    }, timing, false, (which, state) -> states.add(state));

    @AfterEach
    void tearDown() {
        supervisor.stop();
    }

    @Test
    void aChannelThatFailsToStartIsRetriedWithDoublingBackoff() {
        channel.failingStarts.set(3);

        supervisor.start();
        Eventually.until("the channel runs", () -> supervisor.state() instanceof ChannelState.Running);

        assertThat(channel.starts).hasValue(4);
        assertThat(channel.stops).as("stopped after every failed start").hasValue(3);
        // a copy: the running supervisor keeps adding health-check sleeps, which a live sub-list would trip over
        assertThat(List.copyOf(time.sleeps).subList(0, 3)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(states).filteredOn(ChannelState.BackingOff.class::isInstance)
                .map(state -> (ChannelState.BackingOff) state)
                .extracting(ChannelState.BackingOff::failures, ChannelState.BackingOff::lastError)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "IOException: telegram is unreachable"),
                        org.assertj.core.groups.Tuple.tuple(2, "IOException: telegram is unreachable"),
                        org.assertj.core.groups.Tuple.tuple(3, "IOException: telegram is unreachable"));
    }

    @Test
    void anUnhealthyChannelIsStoppedAndStartedAgain() {
        supervisor.start();
        Eventually.until("the channel runs", () -> supervisor.state() instanceof ChannelState.Running);

        channel.unhealthy.set(true);
        Eventually.until("the channel was restarted", () -> channel.starts.get() == 2
                && supervisor.state() instanceof ChannelState.Running);

        assertThat(channel.stops).hasValue(1);
        assertThat(states).anySatisfy(state -> assertThat(state).isInstanceOfSatisfying(
                ChannelState.BackingOff.class, backingOff -> assertThat(backingOff.lastError())
                        .isEqualTo("the channel reported itself unhealthy")));
    }

    @Test
    void aHealthCheckThatThrowsCountsAsAFailure() {
        FakeChannel throwing = new FakeChannel("email");
        throwing.healthFailure = new IllegalStateException("socket closed");
        ChannelSupervisor failing = new ChannelSupervisor(throwing, message -> { }, timing, false,
                (which, state) -> states.add(state));
        failing.start();
        try {
            Eventually.until("the channel was restarted", () -> throwing.starts.get() >= 2);
        } finally {
            failing.stop();
        }

        assertThat(states).anySatisfy(state -> assertThat(state.describe(time.instant()))
                .contains("health check failed: IllegalStateException: socket closed"));
    }

    @Test
    void aMinuteOfHealthyRunningStartsTheBackoffOver() {
        channel.failingStarts.set(2);
        supervisor.start();
        Eventually.until("the channel runs", () -> supervisor.state() instanceof ChannelState.Running);
        Instant runningSince = ((ChannelState.Running) supervisor.state()).since();
        Eventually.until("a minute passed", () -> time.instant().isAfter(runningSince.plusSeconds(61)));

        channel.unhealthy.set(true);
        Eventually.until("it failed again", () -> states.getLast() instanceof ChannelState.BackingOff
                || channel.starts.get() > 3);

        assertThat(states).filteredOn(ChannelState.BackingOff.class::isInstance)
                .map(state -> ((ChannelState.BackingOff) state).failures()).containsExactly(1, 2, 1);
    }

    @Test
    void aPausedChannelStaysStoppedUntilResumed() {
        supervisor.start();
        Eventually.until("the channel runs", () -> supervisor.state() instanceof ChannelState.Running);

        supervisor.pause();
        Eventually.until("the channel is paused", () -> supervisor.state() instanceof ChannelState.Paused);
        assertThat(channel.stops).hasValue(1);
        assertThat(channel.starts).hasValue(1);

        supervisor.resume();
        Eventually.until("the channel runs again", () -> supervisor.state() instanceof ChannelState.Running
                && channel.starts.get() == 2);
        assertThat(states).noneMatch(ChannelState.BackingOff.class::isInstance);
    }

    @Test
    void stopStopsTheChannelAndEndsSupervision() {
        supervisor.start();
        Eventually.until("the channel runs", () -> supervisor.state() instanceof ChannelState.Running);

        supervisor.stop();

        assertThat(supervisor.state()).isInstanceOf(ChannelState.Stopped.class);
        assertThat(channel.stops).hasValue(1);
    }
}
