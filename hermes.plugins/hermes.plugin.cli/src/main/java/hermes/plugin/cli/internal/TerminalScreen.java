package hermes.plugin.cli.internal;

import java.io.PrintWriter;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The REPL's screen: the terminal, with colours where it has them. While the line reader shows a prompt (the user's
 * prompt, or a question's), output goes above it ({@link LineReader#printAbove}) so it never tears the line being
 * typed; a streamed piece is held until its line is complete.
 */
final class TerminalScreen implements Screen {

    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle WARNING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    /** Whether the cursor is at the start of a line; guarded by this. */
    private boolean atLineStart = true;
    /** Streamed text that arrived while a prompt was up and has no line end yet; guarded by this. */
    private final StringBuilder held = new StringBuilder();

    TerminalScreen(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
        this.out = terminal.writer();
    }

    @Override
    public synchronized void stream(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (reader.isReading()) {
            held.append(text);
            int end = held.lastIndexOf("\n");
            if (end >= 0) {
                reader.printAbove(held.substring(0, end));
                held.delete(0, end + 1);
            }
            return;
        }
        releaseHeld();
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }

    @Override
    public synchronized void line(Tone tone, String text) {
        String styled = switch (tone) {
            case PLAIN -> text;
            case DIM -> new AttributedString(text, DIM).toAnsi(terminal);
            case WARNING -> new AttributedString(text, WARNING).toAnsi(terminal);
            case ERROR -> new AttributedString(text, ERROR).toAnsi(terminal);
        };
        if (reader.isReading()) {
            if (!held.isEmpty()) {
                reader.printAbove(held.toString());
                held.setLength(0);
            }
            reader.printAbove(styled);
            return;
        }
        endLine();
        out.println(styled);
        out.flush();
    }

    @Override
    public synchronized void endLine() {
        releaseHeld();
        if (!atLineStart) {
            out.println();
            out.flush();
            atLineStart = true;
        }
    }

    /** Prints what was held back while a prompt was up, now that it is gone. */
    private void releaseHeld() {
        if (!held.isEmpty() && !reader.isReading()) {
            out.print(held);
            out.flush();
            atLineStart = false;
            held.setLength(0);
        }
    }
}
