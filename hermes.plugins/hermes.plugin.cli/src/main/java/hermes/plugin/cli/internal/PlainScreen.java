package hermes.plugin.cli.internal;

import java.io.PrintWriter;

/**
 * A screen of two plain text streams, for one-shots and tests: the answer, {@link Tone#PLAIN} and {@link Tone#DIM}
 * lines go to {@code out}; {@link Tone#WARNING} and {@link Tone#ERROR} lines to {@code err}. No colours: the output
 * is often a pipe or a file.
 */
final class PlainScreen implements Screen {

    private final PrintWriter out;
    private final PrintWriter err;
    /** Whether {@code out} is at the start of a line; guarded by this. */
    private boolean atLineStart = true;

    PlainScreen(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void stream(String text) {
        if (text.isEmpty()) {
            return;
        }
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }

    @Override
    public synchronized void line(Tone tone, String text) {
        // on a terminal both streams share the screen: an error must not land in the middle of an answer's line
        endLine();
        PrintWriter target = tone == Tone.WARNING || tone == Tone.ERROR ? err : out;
        target.println(text);
        target.flush();
    }

    @Override
    public synchronized void endLine() {
        if (!atLineStart) {
            out.println();
            out.flush();
            atLineStart = true;
        }
    }
}
