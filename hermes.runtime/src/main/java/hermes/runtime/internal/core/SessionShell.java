package hermes.runtime.internal.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import hermes.api.TerminalBackend;

/**
 * A session's terminal: opened on first use on the configured backend, and rebuilt from the saved working directory
 * and variables when the backend's plugin was replaced or the configured backend changed (DESIGN §8.1). The saved
 * state is refreshed after every call, so a backend that disappears mid-session loses nothing but its shell process.
 *
 * <p>Threading: guarded by this object; tool calls of one session may run in parallel.
 */
final class SessionShell {

    private final String sessionId;
    private final Function<String, Optional<TerminalBackend>> backends;
    private Path workingDirectory;
    private Map<String, String> environment = Map.of();
    private TerminalBackend backend;
    private TerminalBackend.Shell shell;

    SessionShell(String sessionId, Path workingDirectory, Function<String, Optional<TerminalBackend>> backends) {
        this.sessionId = sessionId;
        this.workingDirectory = workingDirectory;
        this.backends = backends;
    }

    synchronized TerminalBackend.Shell open(String backendId) throws IOException {
        TerminalBackend current = backends.apply(backendId).orElseThrow(() -> new IOException("the terminal backend '"
                + backendId + "' is not installed: set terminal.backend to an installed one (local is built in) or"
                + " add its plugin (hermes plugins list)"));
        if (shell != null && current == backend) {
            return shell;
        }
        closeQuietly();
        shell = current.open(new TerminalBackend.ShellSpec(sessionId, workingDirectory, environment));
        backend = current;
        return shell;
    }

    /** Copies the shell's cwd and variables into the saved state, so they outlive the shell. */
    synchronized void sync() {
        if (shell == null) {
            return;
        }
        try {
            workingDirectory = shell.workingDirectory();
            environment = Map.copyOf(shell.environment());
        } catch (RuntimeException | LinkageError e) {
            // the backend's bundle went away under us; the saved state from the last call stays
            shell = null;
            backend = null;
        }
    }

    synchronized Path workingDirectory() {
        return workingDirectory;
    }

    synchronized Map<String, String> environment() {
        return environment;
    }

    synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (shell != null) {
            try {
                shell.close();
            } catch (RuntimeException | LinkageError e) {
                System.getLogger(SessionShell.class.getName()).log(System.Logger.Level.WARNING,
                        "closing the shell of session " + sessionId + " failed", e);
            }
            shell = null;
            backend = null;
        }
    }
}
