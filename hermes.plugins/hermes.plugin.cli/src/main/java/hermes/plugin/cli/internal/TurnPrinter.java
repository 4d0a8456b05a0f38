package hermes.plugin.cli.internal;

import java.util.function.Consumer;

import hermes.api.Event;
import hermes.plugin.cli.internal.Screen.Tone;

/**
 * Renders a session's events on a {@link Screen} as they arrive: the answer streams in piece by piece, tool calls show
 * as progress lines, notices dimmed, errors in red. Questions (approval, clarify) are not shown here: the
 * {@link TurnRunner} asks them.
 *
 * <p>Threading: {@link #accept} runs on a runtime thread, {@link #interrupting} on a signal thread; the state is
 * guarded by this object.
 */
final class TurnPrinter implements Consumer<Event> {

    /** How much of a turn is shown. */
    enum Verbosity {
        /** {@code hermes -z}: nothing but the final answer, printed when the turn ends, and errors. */
        ANSWER_ONLY,
        /** {@code -Q}: the streamed answer and errors; no tool progress, no notices. */
        QUIET,
        /** The streamed answer, tool progress, notices and errors. */
        PROGRESS
    }

    private final Screen screen;
    private final Verbosity verbosity;
    /** Whether the user is there to act on the turn-end notes (the REPL) rather than a script. */
    private final boolean interactive;
    /** Whether this turn streamed any answer text; guarded by this. */
    private boolean streamed;
    /** Whether the user's Ctrl-C was already announced, so the turn's end need not say it again; guarded by this. */
    private boolean interruptShown;

    TurnPrinter(Screen screen, Verbosity verbosity, boolean interactive) {
        this.screen = screen;
        this.verbosity = verbosity;
        this.interactive = interactive;
    }

    @Override
    public synchronized void accept(Event event) {
        switch (event.payload()) {
            case Event.TextDelta delta -> {
                if (verbosity != Verbosity.ANSWER_ONLY && !delta.text().isEmpty()) {
                    screen.stream(delta.text());
                    streamed = true;
                }
            }
            // the reasoning is long and not the answer; it stays in the session's transcript
            case Event.ReasoningDelta ignored -> { }
            case Event.ToolStarted tool -> progress(ToolLines.started(tool));
            case Event.ToolFinished tool -> progress(ToolLines.finished(tool));
            case Event.Notice notice -> {
                if (verbosity == Verbosity.PROGRESS) {
                    screen.line(Tone.DIM, notice.text());
                }
            }
            case Event.Error error -> screen.line(Tone.ERROR, "error: " + error.message());
            case Event.TurnFinished finished -> finish(finished);
            // asked by the TurnRunner; plugin changes come through the runtime's subscription, not the session's
            case Event.ApprovalRequested ignored -> { }
            case Event.ClarifyRequested ignored -> { }
            case Event.PluginChanged ignored -> { }
        }
    }

    /** Says at once that the user's Ctrl-C stops the turn (the turn's end may take a moment). */
    synchronized void interrupting() {
        screen.line(Tone.WARNING, "interrupted");
        interruptShown = true;
    }

    /** Says that the shell stopped waiting for a turn that did not end after Ctrl-C. */
    synchronized void stoppedWaiting() {
        screen.line(Tone.WARNING, "(stopped waiting for the turn to end)");
    }

    private void progress(String line) {
        if (verbosity == Verbosity.PROGRESS) {
            screen.line(Tone.DIM, line);
        }
    }

    private void finish(Event.TurnFinished finished) {
        // -z prints the answer only now; a provider that did not stream still gets its answer shown
        if ((verbosity == Verbosity.ANSWER_ONLY || !streamed) && !finished.answer().isBlank()) {
            screen.stream(finished.answer());
        }
        screen.endLine();
        String note = note(finished.reason(), interactive);
        if (!note.isEmpty() && !(interruptShown && finished.reason().equals("interrupted"))) {
            screen.line(Tone.WARNING, note);
        }
        streamed = false;
        interruptShown = false;
    }

    /** What to say about how a turn ended; nothing for the ordinary endings (an error was shown already). */
    static String note(String reason, boolean interactive) {
        return switch (reason) {
            case "stop", "error" -> "";
            case "interrupted" -> "(interrupted)";
            case "max_turns" -> interactive
                    ? "(stopped: the turn reached its step limit; say \"continue\" to go on)"
                    : "(stopped: the turn reached its step limit; raise it with --max-turns N)";
            default -> "(turn ended: " + reason + ")";
        };
    }
}
