package hermes.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calling session's state, handed to every {@link Tool#call}. Implemented by the runtime.
 *
 * <p>Threading: safe to read from any thread; valid only for the duration of the call.
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
}
