package hermes.api;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One conversation held by the runtime: a submission queue in, an event stream out. Implemented by the runtime.
 *
 * <p>Threading: any thread. Submissions are processed in order; events of a session are delivered in order
 * ({@link Event#sequence()} increases by one), on a runtime thread, one at a time.
 */
@ProviderType
public interface Session extends AutoCloseable {

    /** The session id ({@code YYYYMMDD_HHMMSS_<6 hex>}). */
    String id();

    /** How it was opened. */
    SessionSpec spec();

    /** The model answering now, as {@code provider:model} (it changes with {@link Submission.SwitchModel}). */
    String model();

    /** The tokens used so far in this conversation. */
    Usage usage();

    /** One setting of this session by dotted key ({@code approvals.yolo}, …), with its overrides applied, as text. */
    Optional<String> setting(String key);

    /**
     * Queues a submission.
     *
     * @return the submission id, carried by the events it causes
     */
    String submit(Submission submission);

    /**
     * Listens to this session's events. A listener added mid-turn sees the rest of the turn.
     *
     * @return closes the subscription
     */
    AutoCloseable subscribe(Consumer<Event> listener);

    /**
     * Calls one tool with this session's context, through the interceptor chain, exactly as the turn loop does — for
     * front ends that invoke tools directly and for tests. A tool whose plugin was removed answers an error result naming
     * the plugin.
     */
    CompletionStage<ToolResult> callTool(ToolCall call);

    /** Ends the session: interrupts a running turn and kills its processes. Idempotent. */
    @Override
    void close();
}
