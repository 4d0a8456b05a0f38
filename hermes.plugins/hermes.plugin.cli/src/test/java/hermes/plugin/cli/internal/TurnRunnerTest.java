package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;
import hermes.api.ToolResult;
import hermes.api.Usage;
import hermes.plugin.cli.internal.TurnPrinter.Verbosity;

class TurnRunnerTest {

    private static final Event.ToolStarted LS = new Event.ToolStarted("c1", "terminal", "{\"command\":\"ls -la\"}");
    private static final Event.ToolFinished LS_DONE = new Event.ToolFinished("c1", "terminal",
            ToolResult.ok("{\"output\":\"a b\"}"), Duration.ofMillis(412));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Screen screen = new PlainScreen(new PrintWriter(out), new PrintWriter(err));

    @Test
    void chatQueryShowsToolProgressThenTheStreamedAnswerAndExitsWithZero() throws Exception {
        FakeRuntime runtime = new FakeRuntime(turn(LS, LS_DONE, new Event.ReasoningDelta("let me look"),
                new Event.TextDelta("Two "), new Event.TextDelta("files."), finished("stop", "Two files.")));
        ChatOptions options = new ChatOptions(Optional.of("m"), Optional.of("p"), List.of("terminal"), true,
                OptionalInt.of(5), false, Optional.empty(), false);

        int code = runner(Verbosity.PROGRESS, new NobodyToAsk(screen)).runOnce(runtime, options.spec(), "what is here?");

        assertThat(code).isEqualTo(OneShot.OK);
        assertThat(out.toString()).isEqualTo("  ⚙ terminal: ls -la\n  ✓ terminal 0.4s\nTwo files.\n");
        assertThat(err.toString()).isEmpty();
        assertThat(runtime.session.submitted).containsExactly(Submission.UserTurn.text("what is here?"));
        assertThat(runtime.session.spec()).isEqualTo(options.spec());
        assertThat(runtime.session.closed).isTrue();
    }

    @Test
    void answerOnlyPrintsNothingButTheFinalAnswer() throws Exception {
        FakeRuntime runtime = new FakeRuntime(turn(LS, LS_DONE, new Event.Notice("retrying after a 429"),
                new Event.TextDelta("Two "), new Event.TextDelta("files."), finished("stop", "Two files.")));

        int code = runner(Verbosity.ANSWER_ONLY, new NobodyToAsk(screen)).runOnce(runtime,
                ChatOptions.DEFAULTS.spec(), "what is here?");

        assertThat(code).isEqualTo(OneShot.OK);
        assertThat(out.toString()).isEqualTo("Two files.\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withNobodyAtTheTerminalAnApprovalIsDeniedAtOnce() throws Exception {
        Event.ApprovalRequested request = new Event.ApprovalRequested("a1", "rm -rf build", "recursive delete",
                Instant.now().plusSeconds(60));
        FakeRuntime runtime = new FakeRuntime(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(request);
            case Submission.ApprovalAnswer answer -> List.of(new Event.TextDelta("I was not allowed to."),
                    finished("stop", "I was not allowed to."));
            default -> List.of();
        });

        int code = runner(Verbosity.PROGRESS, new NobodyToAsk(screen)).runOnce(runtime, ChatOptions.DEFAULTS.spec(),
                "clean up");

        assertThat(code).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).containsExactly(Submission.UserTurn.text("clean up"),
                new Submission.ApprovalAnswer("a1", Decision.DENY));
        assertThat(err.toString()).isEqualTo("denied: rm -rf build (recursive delete): nobody can approve it, stdin"
                + " is not a terminal; run at a terminal, or pass --yolo to allow dangerous commands\n");
        assertThat(out.toString()).isEqualTo("I was not allowed to.\n");
    }

    @Test
    void withNobodyAtTheTerminalAQuestionGetsTheEmptyAnswer() throws Exception {
        FakeRuntime runtime = new FakeRuntime(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(new Event.ClarifyRequested("q1", "Which file?", List.of("a")));
            case Submission.ClarifyAnswer answer -> List.of(finished("stop", "I picked a."));
            default -> List.of();
        });

        runner(Verbosity.ANSWER_ONLY, new NobodyToAsk(screen)).runOnce(runtime, ChatOptions.DEFAULTS.spec(), "edit");

        assertThat(runtime.session.submitted).endsWith(new Submission.ClarifyAnswer("q1", ""));
        assertThat(err.toString()).isEqualTo("not answered: Which file? (stdin is not a terminal)\n");
        assertThat(out.toString()).isEqualTo("I picked a.\n");
    }

    @Test
    void anAnsweredApprovalSubmitsTheChosenDecision() throws Exception {
        FakeRuntime runtime = new FakeRuntime(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(new Event.ApprovalRequested("a1", "git push --force",
                    "force push", Instant.now().plusSeconds(60)));
            case Submission.ApprovalAnswer answer -> List.of(finished("stop", "Pushed."));
            default -> List.of();
        });
        TurnQuestions questions = new TurnQuestions(new ScriptedAnswers(Optional.of("s")), screen);

        runner(Verbosity.PROGRESS, questions).runOnce(runtime, ChatOptions.DEFAULTS.spec(), "push");

        assertThat(runtime.session.submitted).endsWith(new Submission.ApprovalAnswer("a1", Decision.SESSION));
        assertThat(out.toString()).isEqualTo("⚠ approval needed: git push --force\n  force push\nPushed.\n");
    }

    @Test
    void anErrorEndsWithOneAndGoesToStderr() throws Exception {
        FakeRuntime runtime = new FakeRuntime(turn(new Event.Error("no model provider is installed"),
                finished("error", "")));

        int code = runner(Verbosity.ANSWER_ONLY, new NobodyToAsk(screen)).runOnce(runtime,
                ChatOptions.DEFAULTS.spec(), "hi");

        assertThat(code).isEqualTo(OneShot.FAILED);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("error: no model provider is installed\n");
    }

    @Test
    void anInterruptedOneShotSaysSoAndExitsWithOne() throws Exception {
        FakeRuntime runtime = new FakeRuntime(turn(new Event.TextDelta("partial"), finished("interrupted", "")));

        int code = runner(Verbosity.PROGRESS, new NobodyToAsk(screen)).runOnce(runtime, ChatOptions.DEFAULTS.spec(),
                "hi");

        assertThat(code).isEqualTo(OneShot.FAILED);
        assertThat(out.toString()).isEqualTo("partial\n");
        assertThat(err.toString()).isEqualTo("(interrupted)\n");
    }

    @Test
    void exitCodesFollowHowTheTurnEnded() {
        assertThat(TurnRunner.exitCode(new Event.TurnFinished("stop", Usage.NONE, 1, ""))).isZero();
        assertThat(TurnRunner.exitCode(new Event.TurnFinished("max_turns", Usage.NONE, 90, "so far: x"))).isZero();
        assertThat(TurnRunner.exitCode(new Event.TurnFinished("max_turns", Usage.NONE, 90, " "))).isOne();
        assertThat(TurnRunner.exitCode(new Event.TurnFinished("interrupted", Usage.NONE, 1, ""))).isOne();
        assertThat(TurnRunner.exitCode(new Event.TurnFinished("error", Usage.NONE, 1, ""))).isOne();
    }

    @Test
    void firstCtrlCInterruptsTheTurnAndASecondStopsWaiting() throws Exception {
        FakeRuntime runtime = new FakeRuntime(submission -> submission instanceof Submission.UserTurn
                ? List.of(new Event.TextDelta("working")) : List.of());
        FakeSession session = (FakeSession) runtime.open(ChatOptions.DEFAULTS.spec());
        TurnRunner runner = runner(Verbosity.PROGRESS, new NobodyToAsk(screen));
        session.subscribe(runner);

        CompletableFuture<Integer> turn = CompletableFuture.supplyAsync(() -> run(runner, session, "work"));
        awaitSubmissions(session, 1);
        runner.interrupt(session);
        assertThat(session.submitted).endsWith(new Submission.Interrupt());
        assertThat(turn).isNotDone();
        runner.interrupt(session);

        assertThat(turn.get(5, TimeUnit.SECONDS)).isEqualTo(OneShot.FAILED);
        assertThat(err.toString()).isEqualTo("interrupted\n(stopped waiting for the turn to end)\n");
        session.close();
    }

    @Test
    void theLateEndOfAnAbandonedTurnDoesNotEndTheNextOne() throws Exception {
        FakeRuntime runtime = new FakeRuntime(submission -> List.of());
        FakeSession session = (FakeSession) runtime.open(ChatOptions.DEFAULTS.spec());
        TurnRunner runner = runner(Verbosity.PROGRESS, new NobodyToAsk(screen));
        session.subscribe(runner);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> run(runner, session, "one"));
        awaitSubmissions(session, 1);
        runner.interrupt(session);
        runner.interrupt(session);
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(OneShot.FAILED);

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> run(runner, session, "two"));
        awaitSubmissions(session, 3);
        // submissions: sub-1 the first turn, sub-2 its interrupt, sub-3 the second turn
        session.emitLater("sub-1", finished("interrupted", ""));
        session.emitLater("sub-3", finished("stop", "done"));

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        session.close();
    }

    private TurnRunner runner(Verbosity verbosity, Questions questions) {
        return new TurnRunner(new TurnPrinter(screen, verbosity, false), questions);
    }

    private static int run(TurnRunner runner, FakeSession session, String text) {
        try {
            return runner.run(session, Submission.UserTurn.text(text));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A script in which a user turn emits {@code payloads} and nothing else emits anything. */
    private static Function<Submission, List<Event.Payload>> turn(Event.Payload... payloads) {
        return submission -> submission instanceof Submission.UserTurn ? List.of(payloads) : List.of();
    }

    static Event.TurnFinished finished(String reason, String answer) {
        return new Event.TurnFinished(reason, Usage.NONE, 1, answer);
    }

    /** Answers every question with the same line (or with none). */
    record ScriptedAnswers(Optional<String> answer) implements AnswerSource {
        @Override
        public Optional<String> read(String prompt, Instant deadline) {
            return answer;
        }

        @Override
        public void cancel() {
        }
    }

    /** Waits until the session has {@code count} submissions: the turn is under way. */
    private static void awaitSubmissions(FakeSession session, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session.submitted.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(session.submitted).hasSizeGreaterThanOrEqualTo(count);
    }
}
