package hermes.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calling session's state, handed to every {@link Tool#call}. Implemented by the runtime.
 *
 * <p>Threading: safe to read from any thread; valid only for the duration of the call, except {@link #notify} and
 * {@link #onSessionClose}, which keep working after the call returned (for background work the call started).
 */
@ProviderType
public interface ToolContext {

    /** The session the call belongs to. */
    String sessionId();

    /** Who asked: the platform, chat and user behind the turn, and how far they are trusted. */
    Caller caller();

    /** The session's working directory (the terminal's cwd, kept between calls). */
    Path workingDirectory();

    /** Variables the session exported (for example with {@code export X=1} in the terminal); secrets are never here. */
    Map<String, String> environment();

    /** True once the turn was interrupted or the call's deadline passed. */
    boolean isCancelled();

    /** Runs {@code action} when the call is cancelled (at once if it already is). */
    void onCancel(Runnable action);

    /** When the call must have finished, if the runtime set a limit. */
    Optional<Instant> deadline();

    /**
     * Hands a started process to the session so it is killed (with its descendants) when the turn is interrupted or the
     * session ends.
     */
    void track(ProcessHandle process);

    /**
     * One setting of the session's configuration snapshot ({@code config.yaml} with the session's overrides applied), by
     * dotted key such as {@code terminal.timeout}. Values are JDK types: {@code String}, {@code Long}, {@code Double},
     * {@code Boolean}, {@code List} or {@code Map}.
     */
    Optional<Object> config(String key);

    /**
     * The session's shell on the configured terminal backend ({@code terminal.backend}), opened on first use. Its
     * working directory and exported variables persist between calls and become {@link #workingDirectory()} and
     * {@link #environment()}.
     *
     * @throws IOException when the backend is not installed or cannot be reached; the message says which and what to do
     */
    TerminalBackend.Shell shell() throws IOException;

    /**
     * Small per-session state for stateless tools (for example the todo list as JSON text). Strings only, so the state
     * survives an update of the tool's plugin. Cleared when the conversation starts over.
     */
    ConcurrentMap<String, String> sessionState();

    /**
     * Asks the user a question and waits for the answer (the {@code clarify} tool). Emits
     * {@link Event.ClarifyRequested}; the answer comes back as a {@link Submission.ClarifyAnswer}.
     *
     * @param choices up to four suggested answers; the user may answer anything else
     * @return the answer, or empty when nobody can answer (no interactive front end) or the time ran out
     * @throws InterruptedException when the turn is interrupted while waiting
     */
    Optional<String> ask(String question, List<String> choices) throws InterruptedException;

    /**
     * Tells the session something that happened outside the model's call, such as a background process that finished.
     * Front ends show it at once ({@link Event.Notice}); the model reads it with the next user turn.
     */
    void notify(String text);

    /** Runs {@code action} once when the session ends, for state that outlives a call (background processes). */
    void onSessionClose(Runnable action);
}
