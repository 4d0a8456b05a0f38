package hermes.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One model-callable tool.
 *
 * <p>Tools are stateless and shared by every session: per-session state (working directory, environment, caller,
 * cancellation) arrives in the {@link ToolContext}. The runtime looks a tool up by {@link ToolSpec#name()} around each
 * call and never keeps the object, so a plugin can be updated or removed between calls.
 *
 * <p>Threading: {@link #call} may run on many (virtual) threads at once, for different sessions and for parallel
 * batches of one turn. It may block; it should return promptly once {@link ToolContext#isCancelled()} turns true.
 *
 * <p>Errors: a {@link RuntimeException} thrown by {@link #call} is turned into an error result that the model sees
 * ({@code "Tool execution failed: <Type>: <message>"}); it never ends the turn. Return {@link ToolResult#error} for an
 * expected failure the model should read and recover from.
 */
@ConsumerType
public interface Tool {

    /** The name, toolset, description and JSON schema the model sees. Called often: return a constant. */
    ToolSpec spec();

    /**
     * Whether this call may change anything outside the conversation (files, processes, remote state). The runtime runs
     * a batch of calls in parallel only when none is mutating, and the safety chain refuses mutating calls when it is not
     * complete. When in doubt, mutating.
     */
    default boolean isMutating(ToolCall call) {
        return true;
    }

    /**
     * Whether the tool can be offered now (for example, a required environment variable or service is present). The
     * runtime caches the answer for a short time; an exception means unavailable.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Runs the call.
     *
     * @param call the model's call, with its arguments as a JSON object text
     * @param context the calling session's state and cancellation
     * @return the result the model reads
     * @throws InterruptedException when the turn is interrupted while the tool waits
     */
    ToolResult call(ToolCall call, ToolContext context) throws InterruptedException;
}
