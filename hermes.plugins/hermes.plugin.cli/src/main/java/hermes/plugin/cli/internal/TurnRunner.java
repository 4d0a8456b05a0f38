package hermes.plugin.cli.internal;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;

/**
 * Runs turns for the CLI, the same way for {@code hermes chat -q}, {@code hermes -z} and the REPL: submits the turn,
 * renders its events with a {@link TurnPrinter} as they come, answers its questions with {@link Questions} on the
 * calling thread, and returns when the turn has finished.
 *
 * <p>Subscribe it to the session ({@link Session#subscribe}) before the first turn; the REPL keeps it subscribed for
 * the session's lifetime.
 *
 * <p>Threading: {@link #accept} runs on a runtime thread, {@link #interrupt} on a signal thread, {@link #run} and
 * {@link #await} on the CLI thread.
 */
final class TurnRunner implements Consumer<Event> {

    /** What the CLI thread acts on during a turn. */
    private sealed interface Signal {
    }

    /** A question to answer, or the end of the turn. */
    private record Arrived(Event event) implements Signal {
    }

    /** The user gave up waiting for the turn (Ctrl-C twice). */
    private record Abandoned() implements Signal {
    }

    private final TurnPrinter printer;
    private final Questions questions;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final AtomicInteger interruptsThisTurn = new AtomicInteger();
    /** The submissions of turns the user stopped waiting for; their late ends must not end a later turn. */
    private final Set<String> abandonedTurns = ConcurrentHashMap.newKeySet();

    TurnRunner(TurnPrinter printer, Questions questions) {
        this.printer = printer;
        this.questions = questions;
    }

    /**
     * Opens a session for {@code spec}, runs one turn with {@code text}, and closes the session.
     *
     * @return the exit code ({@link #exitCode})
     */
    int runOnce(AgentRuntime runtime, SessionSpec spec, String text) throws Exception {
        try (Session session = runtime.open(spec); AutoCloseable events = session.subscribe(this)) {
            return run(session, Submission.UserTurn.text(text));
        }
    }

    @Override
    public void accept(Event event) {
        printer.accept(event);
        switch (event.payload()) {
            case Event.ApprovalRequested request -> signals.add(new Arrived(event));
            case Event.ClarifyRequested request -> signals.add(new Arrived(event));
            case Event.TurnFinished finished -> {
                signals.add(new Arrived(event));
                if (!abandoned(event)) {
                    // a question still on screen is moot: the runtime has expired it
                    questions.cancel();
                }
            }
            default -> { }
        }
    }

    /**
     * Forgets what an earlier, abandoned turn left behind; call right before submitting anything that may start a turn.
     */
    void beginTurn() {
        signals.clear();
        interruptsThisTurn.set(0);
    }

    /** Submits {@code turn} (a user message or a retry) and waits for it; returns the exit code. */
    int run(Session session, Submission turn) throws InterruptedException {
        beginTurn();
        return await(session, session.submit(turn));
    }

    /**
     * Waits for the turn that submission {@code submissionId} started, answering its questions, until it finishes or
     * the user gives up.
     *
     * @return the exit code ({@link #exitCode}); {@link OneShot#FAILED} when abandoned
     */
    int await(Session session, String submissionId) throws InterruptedException {
        while (true) {
            if (!(signals.take() instanceof Arrived(Event event))) {
                abandonedTurns.add(submissionId);
                return OneShot.FAILED;
            }
            switch (event.payload()) {
                // a question the turn's end overtook has expired already: the next signal is that end
                case Event.ApprovalRequested request when !endQueued() -> session.submit(questions.approve(request));
                case Event.ClarifyRequested request when !endQueued() -> session.submit(questions.clarify(request));
                case Event.TurnFinished finished -> {
                    // the late end of an abandoned turn is not the end of this one
                    if (!abandoned(event)) {
                        return exitCode(finished);
                    }
                }
                default -> { }
            }
        }
    }

    private boolean abandoned(Event event) {
        return event.submissionId().filter(abandonedTurns::contains).isPresent();
    }

    private boolean endQueued() {
        return signals.stream()
                .anyMatch(signal -> signal instanceof Arrived(Event e) && e.payload() instanceof Event.TurnFinished);
    }

    /**
     * Ctrl-C during a turn: the first asks the runtime to stop the turn, a second stops waiting for it (when the turn
     * does not end, the prompt still comes back).
     */
    void interrupt(Session session) {
        if (interruptsThisTurn.getAndIncrement() == 0) {
            printer.interrupting();
            session.submit(new Submission.Interrupt());
        } else {
            printer.stoppedWaiting();
            signals.add(new Abandoned());
        }
    }

    /**
     * 0 when the turn ended normally, or reached its step limit with an answer; 1 on an error, an interruption, or a
     * step limit without an answer.
     */
    static int exitCode(Event.TurnFinished finished) {
        return switch (finished.reason()) {
            case "stop" -> OneShot.OK;
            case "max_turns" -> finished.answer().isBlank() ? OneShot.FAILED : OneShot.OK;
            default -> OneShot.FAILED;
        };
    }
}
