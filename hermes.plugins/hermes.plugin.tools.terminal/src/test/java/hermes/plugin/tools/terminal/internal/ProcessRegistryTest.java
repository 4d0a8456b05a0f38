package hermes.plugin.tools.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRegistryTest {

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock();
    private final ProcessRegistry registry = new ProcessRegistry(clock, 2, Duration.ofMinutes(30));

    @AfterEach
    void stopProcesses() {
        registry.deactivate();
    }

    private BackgroundProcess start(String command) throws Exception {
        return registry.start(TestShell.session("s1", directory), command, command, false);
    }

    private static BackgroundProcess finished(BackgroundProcess process) throws Exception {
        process.onExit().get(10, TimeUnit.SECONDS);
        return process;
    }

    @Test
    void fullRegistryDropsTheLeastRecentlyUsedFinishedProcessFirst() throws Exception {
        BackgroundProcess done = finished(start("true"));
        BackgroundProcess running = start("sleep 30");

        BackgroundProcess third = start("sleep 31");

        assertThat(registry.list("s1")).containsExactly(running, third);
        assertThat(done.isRunning()).isFalse();
    }

    @Test
    void fullRegistryWithOnlyRunningProcessesKillsTheOldest() throws Exception {
        BackgroundProcess oldest = start("sleep 30");
        BackgroundProcess younger = start("sleep 31");

        BackgroundProcess third = start("sleep 32");

        assertThat(registry.list("s1")).containsExactly(younger, third);
        assertThat(oldest.onExit().get(5, TimeUnit.SECONDS)).isNotZero();
    }

    @Test
    void usingAFinishedProcessKeepsItOverOneUsedLongerAgo() throws Exception {
        BackgroundProcess first = finished(start("true"));
        clock.advance(Duration.ofMinutes(1));
        BackgroundProcess second = finished(start("true"));
        clock.advance(Duration.ofMinutes(1));
        registry.find("s1", first.id());

        BackgroundProcess third = start("true");

        assertThat(registry.list("s1")).containsExactly(first, third);
        assertThat(second.isRunning()).isFalse();
    }

    @Test
    void finishedProcessesAreForgottenAfterThirtyMinutes() throws Exception {
        BackgroundProcess process = finished(start("true"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(registry.find("s1", process.id())).contains(process);

        clock.advance(Duration.ofMinutes(2));

        assertThat(registry.find("s1", process.id())).isEmpty();
    }

    @Test
    void deactivateKillsEveryProcess() throws Exception {
        BackgroundProcess process = start("sleep 30");

        registry.deactivate();

        assertThat(process.onExit().get(5, TimeUnit.SECONDS)).isNotZero();
        assertThat(registry.list("s1")).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the registry only reads instants");
        }
    }
}
