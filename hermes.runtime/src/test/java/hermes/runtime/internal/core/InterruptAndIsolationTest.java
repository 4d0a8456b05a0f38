package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.ToolCall;

class InterruptAndIsolationTest {

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;
    Harness harness;
    ScriptedProvider model;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(home, "model: scripted:test-model\n").withTerminal();
        model = harness.provider("scripted");
        TestTools.allowEverything(harness.dispatcher);
    }

    private static ToolCall terminal(String id, String command) {
        return new ToolCall(id, "terminal", "{\"command\":\"" + command.replace("\"", "\\\"") + "\"}");
    }

    @Test
    void interruptDuringLongSleepKillsItAndPersistsNothing() throws Exception {
        String marker = "sleep 31.5";
        model.then(ScriptedProvider.tools(terminal("c1", marker))).always(ScriptedProvider.text("never"));
        RuntimeSession session = harness.open();
        Harness.Recorder recorder = new Harness.Recorder(session);

        session.submit(Submission.UserTurn.text("sleep a while"));
        recorder.await(Event.ToolStarted.class, Duration.ofSeconds(10));
        awaitProcess(marker, true);
        long start = System.nanoTime();
        session.submit(new Submission.Interrupt());
        Event.TurnFinished finished = recorder.await(Event.TurnFinished.class, Duration.ofSeconds(10));

        assertThat(finished.reason()).isEqualTo("interrupted");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        awaitProcess(marker, false);
        assertThat(session.conversation().history()).isEmpty();
        assertThat(harness.store.messages(session.id())).isEmpty();
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void twoSessionsRunConcurrentlyWithoutSharingCwdVariablesOrHistory() throws Exception {
        model.always((request, listener) -> {
            String last = request.messages().get(request.messages().size() - 1).text();
            if (last.startsWith("move")) {
                return ScriptedProvider.tools(terminal("m", "cd " + elsewhere + " && export ONLY_A=yes && sleep 0.5"))
                        .answer(request, listener);
            }
            if (last.startsWith("where")) {
                return ScriptedProvider.tools(terminal("w", "sleep 0.5; pwd; echo A=${ONLY_A:-unset}"))
                        .answer(request, listener);
            }
            return ScriptedProvider.text("done: " + last).answer(request, listener);
        });
        RuntimeSession a = harness.open();
        RuntimeSession b = harness.open();
        Harness.Recorder recordA = new Harness.Recorder(a);
        Harness.Recorder recordB = new Harness.Recorder(b);

        a.submit(Submission.UserTurn.text("move"));
        b.submit(Submission.UserTurn.text("where"));
        List<Event> eventsA = recordA.untilFinished(Duration.ofSeconds(20));
        List<Event> eventsB = recordB.untilFinished(Duration.ofSeconds(20));

        assertThat(a.workingDirectory()).isEqualTo(elsewhere.toRealPath());
        assertThat(a.environment()).containsEntry("ONLY_A", "yes");
        assertThat(b.workingDirectory()).isNotEqualTo(a.workingDirectory());
        String output = payloads(eventsB, Event.ToolFinished.class).get(0).result().content();
        assertThat(output).contains("A=unset").doesNotContain(elsewhere.toString());
        assertThat(a.conversation().history()).extracting(m -> m.text()).noneMatch(t -> t.contains("where"));
        assertThat(b.conversation().history()).extracting(m -> m.text()).noneMatch(t -> t.contains("move"));
        assertThat(payloads(eventsA, Event.TurnFinished.class).get(0).reason()).isEqualTo("stop");
    }

    private static void awaitProcess(String commandLine, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean found = ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains(commandLine)).orElse(false) && p.isAlive());
            if (found == present) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process '" + commandLine + "' " + (present ? "never started" : "is still running"));
    }
}
