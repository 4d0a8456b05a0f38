package hermes.plugin.cli.internal;

import static hermes.plugin.cli.internal.TurnRunnerTest.finished;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Command;
import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;

/** The shell on a real JLine reader over pipes, against a scripted runtime: what the user types and sees. */
class ReplTest {

    @TempDir
    Path home;

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final CommandCatalog catalog = new CommandCatalog();

    ReplTest() throws IOException {
        terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(keyboard, 4096), screen,
                StandardCharsets.UTF_8);
        // as a real terminal's line discipline: the Ctrl-C key raises INT (and every signal key has its usual
        // value: an unset one would match the end of input)
        Attributes attributes = terminal.getAttributes();
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        attributes.setControlChar(Attributes.ControlChar.VQUIT, 28);
        attributes.setControlChar(Attributes.ControlChar.VSUSP, 26);
        attributes.setControlChar(Attributes.ControlChar.VSTATUS, 20);
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        terminal.setAttributes(attributes);
    }

    @AfterEach
    void close() throws IOException {
        keyboard.close();
        terminal.close();
    }

    @Test
    void aLineIsATurnAndThePromptComesBackWhenItHasFinished() throws Exception {
        FakeRuntime runtime = new FakeRuntime(script(submission -> submission instanceof Submission.UserTurn
                ? List.of(new Event.TextDelta("Hello"), new Event.TextDelta(" there"), finished("stop", "Hello there"))
                : List.of()));
        CompletableFuture<Integer> shell = start(runtime);

        type("hi\n");
        awaitScreen(s -> s.contains("Hello there\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).containsExactly(Submission.UserTurn.text("hi"));
        assertThat(runtime.session.closed).isTrue();
    }

    @Test
    void aTurnACommandStartsIsShownBeforeThePromptComesBack() throws Exception {
        catalog.add(new SubmittingCommand("retry", new Submission.Retry()));
        FakeRuntime runtime = new FakeRuntime(script(submission -> submission instanceof Submission.Retry
                ? List.of(new Event.TextDelta("Again."), finished("stop", "Again.")) : List.of()));
        CompletableFuture<Integer> shell = start(runtime);

        type("/retry\n");
        awaitScreen(s -> s.contains("Again.\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).containsExactly(new Submission.Retry());
    }

    @Test
    void afterNewTheShellKeepsItsSession() throws Exception {
        catalog.add(new SubmittingCommand("new", new Submission.NewConversation()));
        FakeRuntime runtime = new FakeRuntime(script(submission -> submission instanceof Submission.UserTurn
                ? List.of(finished("stop", "Fresh.")) : List.of()));
        CompletableFuture<Integer> shell = start(runtime);

        type("/new\nhello\n");
        awaitScreen(s -> s.contains("Fresh.\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        // the fake runtime opens one session only: both went to it
        assertThat(runtime.session.submitted).containsExactly(new Submission.NewConversation(),
                Submission.UserTurn.text("hello"));
    }

    @Test
    void ctrlCDuringATurnInterruptsItAndThePromptComesBack() throws Exception {
        FakeRuntime runtime = new FakeRuntime(script(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(new Event.TextDelta("working"));
            case Submission.Interrupt interrupt -> List.of(finished("interrupted", ""));
            default -> List.of();
        }));
        CompletableFuture<Integer> shell = start(runtime);

        type("go\n");
        awaitScreen(s -> s.contains("working"));
        // what the terminal does when the user presses Ctrl-C while no line is being read
        terminal.raise(Terminal.Signal.INT);
        awaitScreen(s -> s.contains("working\ninterrupted\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).containsExactly(Submission.UserTurn.text("go"),
                new Submission.Interrupt());
        assertThat(screen()).doesNotContain("(interrupted)");
    }

    @Test
    void ctrlCTwiceAtAnEmptyPromptLeaves() throws Exception {
        CompletableFuture<Integer> shell = start(new FakeRuntime(script(submission -> List.of())));

        type("\u0003");
        awaitScreen(s -> s.contains(ExitGuard.HINT));
        assertThat(shell).isNotDone();
        type("\u0003");

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
    }

    @Test
    void anApprovalIsAskedInlineAndTheChoiceSubmitted() throws Exception {
        FakeRuntime runtime = new FakeRuntime(script(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(new Event.ApprovalRequested("a1", "rm -rf build",
                    "recursive delete", Instant.now().plusSeconds(60)));
            case Submission.ApprovalAnswer answer -> List.of(finished("stop", "Deleted."));
            default -> List.of();
        }));
        CompletableFuture<Integer> shell = start(runtime);

        type("clean up\n");
        awaitScreen(s -> s.contains(TurnQuestions.APPROVAL_PROMPT));
        type("a\n");
        awaitScreen(s -> s.contains("Deleted.\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).containsExactly(Submission.UserTurn.text("clean up"),
                new Submission.ApprovalAnswer("a1", Decision.ALWAYS));
        assertThat(screen()).contains("⚠ approval needed: rm -rf build\n  recursive delete\n");
    }

    @Test
    void anApprovalNobodyAnswersInTimeIsDenied() throws Exception {
        FakeRuntime runtime = new FakeRuntime(script(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(new Event.ApprovalRequested("a1", "rm -rf build",
                    "recursive delete", Instant.now().plusMillis(300)));
            case Submission.ApprovalAnswer answer -> List.of(finished("stop", "Not allowed."));
            default -> List.of();
        }));
        CompletableFuture<Integer> shell = start(runtime);

        type("clean up\n");
        awaitScreen(s -> s.contains("Not allowed.\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).containsExactly(Submission.UserTurn.text("clean up"),
                new Submission.ApprovalAnswer("a1", Decision.DENY));
        assertThat(screen()).contains("(no answer in time: denied)");
    }

    @Test
    void aNoticeWhileAQuestionWaitsIsShownAboveIt() throws Exception {
        FakeRuntime runtime = new FakeRuntime(script(submission -> switch (submission) {
            case Submission.UserTurn turn -> List.of(new Event.ClarifyRequested("q1", "Which file?",
                    List.of("a.txt", "b.txt")));
            case Submission.ClarifyAnswer answer -> List.of(finished("stop", "Took " + answer.answer() + "."));
            default -> List.of();
        }));
        CompletableFuture<Integer> shell = start(runtime);

        type("edit\n");
        awaitScreen(s -> s.contains("? Which file?\n  1. a.txt\n  2. b.txt\n" + TurnQuestions.CLARIFY_PROMPT));
        runtime.session.emitLater("sub-1", new Event.Notice("background job 3 finished"));
        awaitScreen(s -> s.contains("background job 3 finished"));
        type("2\n");
        awaitScreen(s -> s.contains("Took b.txt.\n> "));
        keyboard.close();

        assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(OneShot.OK);
        assertThat(runtime.session.submitted).endsWith(new Submission.ClarifyAnswer("q1", "b.txt"));
    }

    private CompletableFuture<Integer> start(FakeRuntime runtime) {
        Repl repl = new Repl(runtime, catalog, home, "test", ChatOptions.DEFAULTS, () -> terminal);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return repl.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\r", "");
    }

    private void awaitScreen(Predicate<String> shows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!shows.test(screen()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(screen()).matches(shows);
    }

    private static Function<Submission, List<Event.Payload>> script(Function<Submission, List<Event.Payload>> f) {
        return f;
    }

    /** A slash command that submits one thing to the session it runs in, as the runtime's /retry and /new do. */
    private record SubmittingCommand(String name, Submission submission) implements Command {
        @Override
        public String description() {
            return "submits " + submission;
        }

        @Override
        public void run(String arguments, Context context) {
            context.session().orElseThrow().submit(submission);
        }
    }
}
