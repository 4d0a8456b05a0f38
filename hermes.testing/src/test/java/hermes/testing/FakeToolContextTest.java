package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeToolContextTest {

    @TempDir
    Path dir;

    @Test
    void withoutAShellTheShellCallSaysSo() {
        assertThatThrownBy(() -> new FakeToolContext(dir).shell()).isInstanceOf(IOException.class)
                .hasMessageContaining("shell");
    }

    @Test
    void cancelRunsEachActionOnceAndKillsTrackedProcesses() throws Exception {
        FakeToolContext context = new FakeToolContext(dir);
        AtomicInteger runs = new AtomicInteger();
        context.onCancel(runs::incrementAndGet);
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        context.track(sleeper.toHandle());

        context.cancel();
        context.cancel();
        context.onCancel(runs::incrementAndGet);

        assertThat(runs).hasValue(2);
        assertThat(context.isCancelled()).isTrue();
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void recordsQuestionsNoticesAndConfigAndReportsTheDeadline() throws Exception {
        Instant deadline = Instant.parse("2030-01-01T00:00:00Z");
        FakeToolContext context = new FakeToolContext(dir).with("terminal.timeout", 5L).answering("yes")
                .withDeadline(deadline);

        assertThat(context.ask("go?", List.of("yes", "no"))).contains("yes");
        context.notify("done");

        assertThat(context.config("terminal.timeout")).contains(5L);
        assertThat(context.notices()).containsExactly("done");
        assertThat(context.questions()).hasSize(1);
        assertThat(context.deadline()).contains(deadline);
        assertThat(context.workingDirectory()).isEqualTo(dir);
    }
}
