package hermes.plugin.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import hermes.api.Event;

/**
 * Renders the REPL session's events as they arrive (the answer streams in piece by piece), and hands the REPL thread
 * what it must act on: the end of the turn, and questions the user has to answer.
 *
 * <p>Threading: {@link #accept} runs on a runtime thread, {@link #line} on the REPL thread and the runtime's event
 * thread; writes are serialised on this object so a line never lands in the middle of another.
 */
final class TurnPrinter implements Consumer<Event> {

    /** What the REPL thread waits for during a turn. */
    sealed interface Signal {
    }

    /** The turn ended. */
    record Finished(String reason) implements Signal {
    }

    /** A dangerous command waits for the user's approval. */
    record Approval(Event.ApprovalRequested request) implements Signal {
    }

    /** The agent asks the user a question. */
    record Clarify(Event.ClarifyRequested request) implements Signal {
    }

    /** The user gave up waiting (Ctrl-C twice). */
    record Abandoned() implements Signal {
    }

    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle QUIET = AttributedStyle.DEFAULT.faint();

    private final Terminal terminal;
    private final PrintWriter out;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    /** Whether the cursor is at the start of a line; guarded by this. */
    private boolean atLineStart = true;

    TurnPrinter(Terminal terminal) {
        this.terminal = terminal;
        this.out = terminal.writer();
    }

    @Override
    public void accept(Event event) {
        switch (event.payload()) {
            case Event.TextDelta delta -> text(delta.text());
            // the reasoning is long and not the answer; it stays in the session's transcript
            case Event.ReasoningDelta ignored -> { }
            case Event.ToolStarted tool -> styled(QUIET, "⚙ " + tool.toolName());
            case Event.ToolFinished tool -> {
                if (tool.result().error()) {
                    styled(QUIET, "✗ " + tool.toolName() + ": " + firstLine(tool.result().content()));
                }
            }
            case Event.ApprovalRequested request -> signals.add(new Approval(request));
            case Event.ClarifyRequested request -> signals.add(new Clarify(request));
            case Event.Error error -> styled(ERROR, "error: " + error.message());
            case Event.TurnFinished finished -> {
                endLine();
                String note = note(finished.reason());
                if (!note.isEmpty()) {
                    styled(QUIET, note);
                }
                signals.add(new Finished(finished.reason()));
            }
            // plugin changes come through the runtime's subscription, not the session's
            case Event.PluginChanged ignored -> { }
        }
    }

    /** Forgets signals left over from an abandoned turn; call before submitting the next one. */
    void beginTurn() {
        signals.clear();
    }

    /** Waits for the next thing the REPL must act on during a turn. */
    Signal next() throws InterruptedException {
        return signals.take();
    }

    /** Makes the REPL thread stop waiting for the turn. */
    void abandon() {
        signals.add(new Abandoned());
    }

    /** Prints a block of text on lines of its own. */
    synchronized void line(String text) {
        endLine();
        out.println(text);
        out.flush();
    }

    /** Prints an error on a line of its own, in red where the terminal has colours. */
    void error(String text) {
        styled(ERROR, text);
    }

    private synchronized void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }

    private synchronized void styled(AttributedStyle style, String text) {
        line(new AttributedString(text, style).toAnsi(terminal));
    }

    private synchronized void endLine() {
        if (!atLineStart) {
            out.println();
            atLineStart = true;
        }
    }

    /** What to say about how a turn ended; nothing for the ordinary endings. */
    static String note(String reason) {
        return switch (reason) {
            case "stop", "error" -> "";
            case "interrupted" -> "(interrupted)";
            case "max_turns" -> "(stopped: the turn reached its step limit; say \"continue\" to go on)";
            default -> "(turn ended: " + reason + ")";
        };
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline) + " …";
    }
}
