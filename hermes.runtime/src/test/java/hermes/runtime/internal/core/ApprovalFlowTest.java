package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Event;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;
import hermes.api.ToolCall;
import hermes.runtime.internal.approvals.ApprovalInterceptor;

/** The approvals interceptor in a real turn: a real shell, real files, answers from a subscribed "front end". */
class ApprovalFlowTest {

    @TempDir
    Path home;
    @TempDir
    Path work;
    Harness harness;
    ScriptedProvider model;
    final AtomicInteger asked = new AtomicInteger();

    private void start(String extraConfig) throws Exception {
        harness = new Harness(home, "model: scripted:m\nterminal:\n  cwd: " + work + "\n" + extraConfig).withTerminal();
        harness.dispatcher.addInterceptor(new ApprovalInterceptor(harness.settings),
                Map.of("hermes.safety", "approvals", "service.id", 900L));
        model = harness.provider("scripted");
        Files.writeString(work.resolve("f"), "x");
        Files.setPosixFilePermissions(work.resolve("f"), PosixFilePermissions.fromString("rw-------"));
    }

    /** Every model call asks for the same command until the turn's tool results are in, then it answers. */
    private void modelRuns(String command) {
        model.always((request, listener) -> {
            var last = request.messages().get(request.messages().size() - 1);
            return last.role() == hermes.api.Message.Role.TOOL ? ScriptedProvider.text("result: " + last.text())
                    .answer(request, listener) : ScriptedProvider.tools(new ToolCall("c" + request.messages().size(),
                    "terminal", "{\"command\":\"" + command + "\"}")).answer(request, listener);
        });
    }

    private List<Event> turn(RuntimeSession session, Decision answer) throws Exception {
        Harness.Recorder recorder = new Harness.Recorder(session);
        AutoCloseable answering = session.subscribe(event -> {
            if (event.payload() instanceof Event.ApprovalRequested request) {
                asked.incrementAndGet();
                if (answer != null) {
                    session.submit(new Submission.ApprovalAnswer(request.requestId(), answer));
                }
            }
        });
        session.submit(Submission.UserTurn.text("make it writable"));
        List<Event> events = recorder.untilFinished(Duration.ofSeconds(20));
        answering.close();
        return events;
    }

    private String permissions() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("f")));
    }

    private static String toolOutput(List<Event> events) {
        return payloads(events, Event.ToolFinished.class).get(0).result().content();
    }

    @Test
    void onceRunsTheCommandAfterTheUserSaysSo() throws Exception {
        start("");
        modelRuns("chmod 777 f");
        RuntimeSession session = harness.open();

        List<Event> events = turn(session, Decision.ONCE);

        Event.ApprovalRequested request = payloads(events, Event.ApprovalRequested.class).get(0);
        assertThat(request.command()).isEqualTo("chmod 777 f");
        assertThat(request.reason()).isNotBlank();
        assertThat(permissions()).isEqualTo("rwxrwxrwx");
        turn(session, Decision.ONCE);
        assertThat(asked).hasValue(2);
    }

    @Test
    void denyKeepsTheCommandFromRunningAndTellsTheModel() throws Exception {
        start("");
        modelRuns("chmod 777 f");

        List<Event> events = turn(harness.open(), Decision.DENY);

        assertThat(toolOutput(events)).startsWith("Command denied");
        assertThat(permissions()).isEqualTo("rw-------");
    }

    @Test
    void noAnswerWithinTheTimeoutIsADenial() throws Exception {
        start("approvals:\n  timeout: 1\n");
        modelRuns("chmod 777 f");
        long begin = System.nanoTime();

        List<Event> events = turn(harness.open(), null);

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(toolOutput(events)).startsWith("Command denied").contains("nobody answered within 1 s");
        assertThat(permissions()).isEqualTo("rw-------");
    }

    @Test
    void sessionApprovalCoversThePatternForThisSessionOnly() throws Exception {
        start("");
        modelRuns("chmod 777 f");
        RuntimeSession first = harness.open();
        turn(first, Decision.SESSION);
        turn(first, Decision.DENY);
        assertThat(asked).hasValue(1);

        turn(harness.open(), Decision.DENY);
        assertThat(asked).hasValue(2);
    }

    @Test
    void alwaysPersistsThePatternToTheAllowlist() throws Exception {
        start("");
        modelRuns("chmod 777 f");
        turn(harness.open(), Decision.ALWAYS);

        assertThat(harness.settings.config().strings("command_allowlist")).hasSize(1);
        turn(harness.open(), Decision.DENY);
        assertThat(asked).hasValue(1);
    }

    @Test
    void yoloAndModeOffRunDangerousCommandsWithoutAsking() throws Exception {
        start("approvals:\n  mode: off\n");
        modelRuns("chmod 777 f");
        turn(harness.open(), Decision.DENY);
        assertThat(asked).hasValue(0);
        assertThat(permissions()).isEqualTo("rwxrwxrwx");
    }

    @Test
    void hardlineIsRefusedEvenWithYolo() throws Exception {
        start("");
        modelRuns("mkfs.ext4 /nonexistent/hermes-test-image");
        RuntimeSession session = harness.open(new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), 0, Map.of("approvals.yolo", "true"), Optional.empty()));

        List<Event> events = turn(session, Decision.ONCE);

        assertThat(toolOutput(events)).startsWith("BLOCKED");
        assertThat(asked).hasValue(0);
    }

    @Test
    void smartModeApprovesDeniesOrEscalatesAsTheAuxiliaryModelSays() throws Exception {
        start("approvals:\n  mode: smart\nauxiliary:\n  approval:\n    provider: judge\n    model: j\n");
        modelRuns("chmod 777 f");
        ScriptedProvider judge = harness.provider("judge");

        judge.then(ScriptedProvider.text("DENY"));
        assertThat(toolOutput(turn(harness.open(), Decision.ONCE))).contains("smart approver");
        judge.then(ScriptedProvider.text("ESCALATE"));
        turn(harness.open(), Decision.DENY);
        assertThat(asked).hasValue(1);
        judge.then(ScriptedProvider.text("APPROVE"));
        turn(harness.open(), Decision.DENY);
        assertThat(asked).hasValue(1);
        assertThat(permissions()).isEqualTo("rwxrwxrwx");
        assertThat(judge.requests.get(0).options()).containsEntry("temperature", "0").containsEntry("max_tokens", "16");
    }

    @Test
    void subagentsAndScheduledJobsAreDeniedWithoutAsking() throws Exception {
        start("");
        modelRuns("chmod 777 f");
        RuntimeSession child = harness.open(new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), 1, Map.of(), Optional.empty()));
        assertThat(toolOutput(turn(child, Decision.ONCE))).contains("subagents cannot ask");
        Caller cron = new Caller("cron", Optional.empty(), Optional.empty(), Optional.empty(), Caller.Trust.SCHEDULED);
        assertThat(toolOutput(turn(harness.open(SessionSpec.of(cron)), Decision.ONCE))).contains("scheduled jobs");
        assertThat(asked).hasValue(0);
        assertThat(permissions()).isEqualTo("rw-------");
    }
}
