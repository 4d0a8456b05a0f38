package hermes.plugin.cli.internal;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * Draws the banner and the prompt the moment the shell starts, before JLine is ready ("instant prompt").
 *
 * <p>Building JLine's terminal and line reader costs a few hundred milliseconds of class loading, and the user should
 * not stare at an empty screen meanwhile. Whatever they type in that time is held by the terminal driver and read by
 * JLine afterwards; the early prompt is then erased and JLine draws the real one in its place, so nothing is lost.
 *
 * <p>Only on an interactive terminal that can move the cursor: with piped input or {@code TERM=dumb} the real prompt
 * appears directly.
 */
final class EarlyPrompt {

    /** The prompt on a terminal that can draw; {@link #DUMB_PROMPT} on one that cannot. */
    static final String PROMPT = "❯ ";
    static final String DUMB_PROMPT = "> ";

    private EarlyPrompt() {
    }

    /**
     * Prints {@code banner} and the prompt to {@code out} when the process sits at an interactive terminal.
     *
     * @return whether it did; then {@link #handOver} must be called once JLine's terminal is open
     */
    static boolean show(String banner, PrintStream out) {
        String term = System.getenv("TERM");
        if (term == null || term.isEmpty() || term.startsWith("dumb") || !interactive()) {
            return false;
        }
        out.print(banner + System.lineSeparator() + PROMPT);
        out.flush();
        return true;
    }

    /** Erases the early prompt so JLine's first {@code readLine} draws the real one in its place. */
    static void handOver(Terminal terminal) {
        if (SystemTerminal.isDumb(terminal)) {
            // JLine fell back to a dumb terminal after all: it cannot erase, so its prompt starts a fresh line
            terminal.writer().println();
        } else {
            terminal.puts(Capability.carriage_return);
            terminal.puts(Capability.clr_eol);
        }
        terminal.flush();
    }

    /**
     * Whether stdin and stdout are a terminal. JDK 21 answers with {@code System.console() != null}; from JDK 22 on a
     * console exists even for redirected streams and {@code Console.isTerminal()} (not in the 21 API we compile
     * against) tells.
     */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
