package hermes.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An additional memory: a user model, an external memory service. Its block enters the system prompt at session start
 * (frozen for the session); it learns from finished turns.
 *
 * <p>Threading: any thread. {@link #onTurnFinished} runs after the reply was delivered, off the turn's thread.
 * Exceptions are logged and never reach the user's turn.
 */
@ConsumerType
public interface MemoryProvider {

    /** A stable id (config {@code memory.provider} selects it). */
    String id();

    /** Text for the system prompt of a new session, if any. */
    Optional<String> promptBlock(String sessionId);

    /** Learns from a finished turn: the user's input and everything the agent said and did. */
    void onTurnFinished(String sessionId, List<Message> turn);

    /** Recalls what matches {@code query}, best first. */
    default List<String> recall(String query, int limit) {
        return List.of();
    }
}
