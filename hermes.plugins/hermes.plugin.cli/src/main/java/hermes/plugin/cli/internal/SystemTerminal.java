package hermes.plugin.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Opens the process's terminal with JLine from inside OSGi. */
final class SystemTerminal {

    private static final System.Logger LOG = System.getLogger(SystemTerminal.class.getName());

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

    /**
     * Whether stdin is a terminal, so a one-shot can ask the user (stdout may be a pipe: {@code hermes -z} output is
     * often captured). Asked of JLine's native providers, with the same class loader care as {@link #open}; when none
     * loads, the answer is no, and the one-shot denies what it would have asked (fail closed).
     */
    static boolean stdinIsTerminal() {
        // Linux answers from /proc in microseconds; loading JLine's native provider costs a one-shot ~50 ms
        Path stdin = Path.of("/proc/self/fd/0");
        try {
            String target = Files.readSymbolicLink(stdin).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            LOG.log(System.Logger.Level.DEBUG, "no /proc; asking JLine whether stdin is a terminal");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalBuilder.class.getClassLoader());
        try {
            for (String name : new String[] {"jni", "ffm"}) {
                try {
                    return TerminalProvider.load(name).isSystemStream(SystemStream.Input);
                } catch (IOException | RuntimeException | LinkageError unavailable) {
                    LOG.log(System.Logger.Level.DEBUG, "terminal provider " + name + " is unavailable", unavailable);
                }
            }
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Whether the terminal cannot move the cursor or draw colours (piped input, {@code TERM=dumb}). */
    static boolean isDumb(Terminal terminal) {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }
}
