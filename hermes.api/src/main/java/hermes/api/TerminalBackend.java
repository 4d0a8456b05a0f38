package hermes.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where terminal commands run: the local machine, a Docker container, an SSH host, … Registered with the service
 * property {@code hermes.id} equal to {@link #id()} ({@code terminal.backend} in {@code config.yaml} selects it).
 *
 * <p>Threading: {@link #open} may be called from any thread; each {@link Shell} is used by one session at a time.
 */
@ConsumerType
public interface TerminalBackend {

    /** The backend name: {@code local}, {@code docker}, {@code ssh}, {@code singularity}, {@code modal}, {@code daytona}. */
    String id();

    /**
     * Opens a shell for a session, starting in {@code spec}'s directory with its variables. When the backend's plugin is
     * replaced, the runtime opens a new shell from the session's saved cwd and variables.
     *
     * @throws IOException when the backend cannot be reached (no Docker daemon, SSH refused, …)
     */
    Shell open(ShellSpec spec) throws IOException;

    /**
     * Where a session's shell starts.
     *
     * @param sessionId the owning session
     * @param workingDirectory the starting directory
     * @param environment variables exported in earlier shells of the session
     */
    record ShellSpec(String sessionId, Path workingDirectory, Map<String, String> environment) {
        public ShellSpec {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            environment = Map.copyOf(environment);
        }
    }

    /** A shell that keeps its working directory and exported variables between commands. */
    @ConsumerType
    interface Shell extends AutoCloseable {

        /**
         * Runs one command to completion.
         *
         * @param command the command line, interpreted by the shell
         * @param timeout how long it may run; then it is killed and the result says so
         * @param context cancellation of the calling turn; on cancel the command is killed
         * @throws IOException when the shell itself failed (not when the command exits non-zero)
         * @throws InterruptedException when the calling thread is interrupted
         */
        CommandResult run(String command, Duration timeout, ToolContext context) throws IOException, InterruptedException;

        /**
         * Starts a command in the background, in the shell's working directory and with its variables, and returns at
         * once. The caller owns the process: it reads its output, writes its input and ends it.
         *
         * @throws IOException when the process cannot be started, or the backend has no background processes
         */
        default Process spawn(String command) throws IOException {
            throw new IOException("this terminal backend cannot run background processes");
        }

        /** The directory the next command starts in. */
        Path workingDirectory();

        /** The variables exported so far in this shell. */
        Map<String, String> environment();

        /** Ends the shell and every process it started. */
        @Override
        void close();
    }

    /**
     * How a command ended.
     *
     * @param exitCode the exit status ({@code -1} when killed)
     * @param output stdout and stderr interleaved as the command wrote them
     * @param timedOut whether the timeout killed it
     */
    record CommandResult(int exitCode, String output, boolean timedOut) {
        public CommandResult {
            Objects.requireNonNull(output, "output");
        }
    }
}
