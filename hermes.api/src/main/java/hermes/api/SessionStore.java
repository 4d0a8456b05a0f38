package hermes.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where conversations are kept (default: SQLite with FTS5 in {@code $HERMES_HOME/state.db}, the original's schema).
 *
 * <p>Threading: every method may be called from any thread; writes of one session arrive in order. Each write is
 * atomic (a transaction), so a crash loses at most the turn in flight.
 *
 * <p>Errors: {@link IOException} when the store cannot be read or written; the message names the file and the cause.
 */
@ConsumerType
public interface SessionStore {

    /** Records a new session. */
    void create(SessionRecord session) throws IOException;

    /** Appends messages to a session, in one transaction. */
    void append(String sessionId, List<Message> messages) throws IOException;

    /**
     * Keeps only the first {@code keep} messages of a session ({@code /undo}, {@code /retry}). A store that cannot
     * remove messages says so.
     */
    default void truncate(String sessionId, int keep) throws IOException {
        throw new IOException("this session store cannot remove messages");
    }

    /** The session's messages in order, or empty when there are none. */
    List<Message> messages(String sessionId) throws IOException;

    /** One session, by id. */
    Optional<SessionRecord> find(String sessionId) throws IOException;

    /** The most recent sessions, newest first. */
    List<SessionRecord> recent(int limit) throws IOException;

    /** Full-text search over every stored message, best matches first. */
    List<SearchHit> search(String query, int limit) throws IOException;

    /**
     * Finds a session by id, else by title; a title names its whole lineage ({@code X}, {@code X #2}, …) and resolves
     * to the newest session in it, as {@code hermes --resume <title>} expects.
     */
    default Optional<SessionRecord> resolve(String idOrTitle) throws IOException {
        Optional<SessionRecord> byId = find(idOrTitle);
        if (byId.isPresent()) {
            return byId;
        }
        return recent(Integer.MAX_VALUE).stream().filter(s -> s.title().filter(idOrTitle::equals).isPresent())
                .findFirst();
    }

    /**
     * Sets a session's title. Titles are unique: a title another session holds fails with an
     * {@link IllegalArgumentException} naming that session.
     */
    default void rename(String sessionId, String title) throws IOException {
        throw new IOException("this session store cannot set titles");
    }

    /**
     * Marks a session ended ({@code compression} when it continues in a child, {@code user_exit}, …). A resumed
     * session is reopened by its next {@link #append}.
     */
    default void end(String sessionId, String reason) throws IOException {
    }

    /** Adds one turn's token counts and API calls to the session's totals (what {@code hermes sessions} shows). */
    default void addUsage(String sessionId, Usage usage, int apiCalls) throws IOException {
    }

    /**
     * Records the system prompt the session's conversation was frozen with (the original's {@code system_prompt}
     * column). A continuation reuses it byte for byte, so the provider's prefix cache survives across processes and
     * requests (reference §1: the prompt is stable for the life of a conversation).
     */
    default void saveSystemPrompt(String sessionId, String prompt) throws IOException {
    }

    /** The system prompt recorded for a session, if any. */
    default Optional<String> systemPrompt(String sessionId) throws IOException {
        return Optional.empty();
    }

    /**
     * A stored session.
     *
     * @param id {@code YYYYMMDD_HHMMSS_<6 hex>}
     * @param source where it ran: {@code cli}, {@code telegram}, …
     * @param model the model at its start
     * @param title a unique title, once one was set
     * @param parentId the session it continues (compaction, branch, subagent)
     * @param startedAt when it started
     */
    record SessionRecord(String id, String source, String model, Optional<String> title, Optional<String> parentId,
                         Instant startedAt) {
        public SessionRecord {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(parentId, "parentId");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /**
     * One search match.
     *
     * @param sessionId the session it is in
     * @param messageIndex the message's position in the session
     * @param snippet the matching text around the hit
     */
    record SearchHit(String sessionId, int messageIndex, String snippet) {
        public SearchHit {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(snippet, "snippet");
        }
    }
}
