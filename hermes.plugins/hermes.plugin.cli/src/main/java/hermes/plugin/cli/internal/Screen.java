package hermes.plugin.cli.internal;

/**
 * Where a turn's output goes: the streamed answer, and whole lines in a {@link Tone}. The REPL's screen is the
 * terminal; a one-shot's is stdout and stderr.
 *
 * <p>Threading: implementations are thread-safe; events arrive on a runtime thread while the CLI thread prints too.
 */
interface Screen {

    /** How a line is meant; decides its colour, and for a one-shot whether it goes to stdout or stderr. */
    enum Tone {
        /** Ordinary text (stdout). */
        PLAIN,
        /** Progress and notices, shown dimmed (stdout). */
        DIM,
        /** Something the user should notice that is not an error: a denial, how a turn ended (stderr). */
        WARNING,
        /** Something went wrong (stderr, red). */
        ERROR
    }

    /** Streams a piece of the answer as is; no newline is added. */
    void stream(String text);

    /** Shows {@code text} (one line or a block) on lines of its own, ending a streamed line first. */
    void line(Tone tone, String text);

    /** Ends a streamed line, if one is open. */
    void endLine();
}
