package hermes.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps a conversation inside the model's context window (default: head and tail kept, the middle summarised).
 *
 * <p>Threading: called on the session's turn thread, one call at a time per session; it may block on the summarizer.
 */
@ConsumerType
public interface ContextEngine {

    /** A stable id (config {@code context.engine} selects it). */
    String id();

    /**
     * Compacts the history if it needs it.
     *
     * @param history the conversation without the system prompt
     * @param promptTokens the size of the last request
     * @param contextLength the model's context window
     * @param summarizer asks the auxiliary model for a summary of the given prompt
     * @return the compacted history, or empty when nothing needed doing
     */
    Optional<List<Message>> compact(List<Message> history, long promptTokens, long contextLength,
                                    Summarizer summarizer) throws InterruptedException;

    /** Asks a model for text; given by the runtime. */
    @FunctionalInterface
    interface Summarizer {
        String summarize(String prompt) throws InterruptedException, ModelException;
    }
}
