package hermes.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tools that come and go while the source lives: an MCP server's tool list, a bridge to plain jars.
 *
 * <p>The runtime merges the tools of every source with the tools registered as services, under the same shadowing rule.
 * A source calls the listener handed to {@link #watch} whenever its list changes; the runtime then reads
 * {@link #tools()} again.
 *
 * <p>Threading: {@link #tools()} may be called from any thread and must not block for long.
 */
@ConsumerType
public interface ToolSource {

    /** A stable id for messages and {@code /tools} (for example {@code mcp-github}). */
    String id();

    /** The tools offered now. */
    List<Tool> tools();

    /**
     * Registers the runtime's change listener. The source calls it, from any thread, after its list changed.
     *
     * @return closes the registration
     */
    AutoCloseable watch(Runnable changed);
}
