package hermes.plugin.cli.internal;

import java.io.IOException;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Opens the process's terminal with JLine from inside OSGi. */
final class SystemTerminal {

    private SystemTerminal() {
    }

    /**
     * Opens the system terminal, or a dumb one when stdin/stdout are not a terminal (piped input).
     *
     * <p>JLine finds its terminal providers (FFM, JNI, exec) through resources it looks up with the thread context class
     * loader. Inside OSGi that loader cannot see JLine's bundle, every provider fails to load, and JLine silently falls
     * back to a dumb terminal; so the context class loader is JLine's own for the duration of the build.
     */
    static Terminal open() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalBuilder.class.getClassLoader());
        try {
            return TerminalBuilder.builder().name("hermes").system(true).providers("jni,ffm,exec").dumb(true).build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Whether the terminal cannot move the cursor or draw colours (piped input, {@code TERM=dumb}). */
    static boolean isDumb(Terminal terminal) {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }
}
