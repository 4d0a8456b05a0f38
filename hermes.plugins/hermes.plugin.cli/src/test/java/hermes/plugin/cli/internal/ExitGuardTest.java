package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExitGuardTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final ExitGuard guard = new ExitGuard();

    @Test
    void aSecondCtrlCOnAnEmptyLineWithinTwoSecondsExits() {
        assertThat(guard.pressed(T0, true)).isFalse();
        assertThat(guard.pressed(T0.plusMillis(1500), true)).isTrue();
    }

    @Test
    void aSecondCtrlCTooLateOnlyShowsTheHintAgain() {
        assertThat(guard.pressed(T0, true)).isFalse();
        assertThat(guard.pressed(T0.plusSeconds(3), true)).isFalse();
        assertThat(guard.pressed(T0.plusSeconds(4), true)).isTrue();
    }

    @Test
    void ctrlCOnALineWithTextOnlyClearsIt() {
        assertThat(guard.pressed(T0, false)).isFalse();
        assertThat(guard.pressed(T0.plusMillis(100), true)).isFalse();
        assertThat(guard.pressed(T0.plusMillis(200), false)).isFalse();
        assertThat(guard.pressed(T0.plusMillis(300), true)).isFalse();
    }

    @Test
    void typingSomethingStartsTheCountAgain() {
        assertThat(guard.pressed(T0, true)).isFalse();
        guard.reset();
        assertThat(guard.pressed(T0.plusMillis(500), true)).isFalse();
    }
}
