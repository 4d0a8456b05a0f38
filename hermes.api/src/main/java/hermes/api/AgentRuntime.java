package hermes.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one agent core every front end talks to (CLI, gateway, API server, ACP, cron, subagents). Registered once, by
 * {@code hermes.runtime}.
 *
 * <p>Input goes in as {@link Submission}s to a {@link Session}; output comes back as {@link Event}s. The runtime holds
 * many sessions at once; per-session state lives here, never in tools.
 *
 * <p>Threading: every method may be called from any thread and returns quickly.
 */
@ProviderType
public interface AgentRuntime {

    /** Opens a new session (or resumes a stored one, when {@code spec} names it). */
    Session open(SessionSpec spec);

    /** An open session, by id. */
    Optional<Session> session(String sessionId);

    /** Every tool registered now (including unavailable and refused ones), sorted by name. */
    List<ToolInfo> tools();

    /** Every plugin the runtime loaded or tried to load from the plugins folder, sorted by name. */
    List<PluginInfo> plugins();

    /**
     * Listens to events outside any session's turn (plugin installed or removed, background work finished). The
     * listener is called on a runtime thread, one event at a time, and must return quickly.
     *
     * @return closes the subscription
     */
    AutoCloseable subscribe(Consumer<Event> listener);
}
