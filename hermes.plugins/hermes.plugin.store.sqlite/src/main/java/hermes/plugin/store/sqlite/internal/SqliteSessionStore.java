package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import hermes.api.Message;
import hermes.api.SessionStore;
import hermes.api.Usage;

/**
 * The default {@link SessionStore}: {@code $HERMES_HOME/state.db} in the original's schema (version 16), shared with
 * the original Hermes, which can keep opening and writing the same file.
 *
 * <p>Also registered under its own class so the {@code session_search} tool and the {@code sessions} command of this
 * bundle reach the same open database.
 *
 * <p>Threading: safe for any thread; writes are serialised on one connection, reads run on another (WAL).
 */
@Component(service = {SessionStore.class, SqliteSessionStore.class},
        property = {"hermes.id=sqlite", "service.ranking:Integer=0"})
public final class SqliteSessionStore implements SessionStore, AutoCloseable {

    private static final String SESSION_COLUMNS = "id, source, model, title, parent_session_id, started_at";
    private static final String MESSAGES = "SELECT " + MessageWrites.MESSAGE_COLUMNS
            + " FROM messages WHERE session_id = ? AND active = 1 ORDER BY id";
    private static final String FIND = "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE id = ?";
    private static final String RECENT = "SELECT " + SESSION_COLUMNS
            + " FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?";
    private static final String END = "UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? "
            + "AND ended_at IS NULL";
    private static final String ADD_USAGE = "UPDATE sessions SET "
            + "input_tokens = coalesce(input_tokens, 0) + ?, output_tokens = coalesce(output_tokens, 0) + ?, "
            + "cache_read_tokens = coalesce(cache_read_tokens, 0) + ?, "
            + "cache_write_tokens = coalesce(cache_write_tokens, 0) + ?, "
            + "reasoning_tokens = coalesce(reasoning_tokens, 0) + ?, "
            + "api_call_count = coalesce(api_call_count, 0) + ? WHERE id = ?";
    /**
     * Up to the root (the first ancestor without a stored parent), then every descendant of it: the whole chain of
     * compactions and branches. UNION stops a cycle a hand-edited database might hold.
     */
    private static final String LINEAGE = """
            WITH RECURSIVE up(id, parent, depth) AS (
                SELECT id, parent_session_id, 0 FROM sessions WHERE id = ?
                UNION
                SELECT s.id, s.parent_session_id, up.depth + 1 FROM sessions s JOIN up ON s.id = up.parent
                WHERE up.depth < 10000
            ),
            down(id) AS (
                SELECT id FROM (SELECT id FROM up ORDER BY depth DESC LIMIT 1)
                UNION
                SELECT s.id FROM sessions s JOIN down ON s.parent_session_id = down.id
            )
            SELECT down.id FROM down JOIN sessions s ON s.id = down.id ORDER BY s.started_at, s.id""";

    private static final String SESSION_EXISTS = "SELECT count(*) FROM sessions WHERE id = ?";

    /**
     * Opened on a thread of its own from activation: loading SQLite's native library and checking the schema take
     * about 150 ms, which would otherwise hold up start-up; the first write comes only after the first model answer.
     */
    private final CompletableFuture<StateDatabase> opening;

    @Activate
    public SqliteSessionStore(BundleContext context) {
        this(HermesHome.resolve(context.getProperty("hermes.home"), System.getenv("HERMES_HOME"),
                System.getProperty("user.home")).resolve("state.db"));
    }

    /** Opens (or creates) the state database at {@code file}, in the background. */
    SqliteSessionStore(Path file) {
        this.opening = new CompletableFuture<>();
        Thread.ofVirtual().name("hermes-state-db-open").start(() -> {
            try {
                StateDatabase database = StateDatabase.open(file);
                warmUp(database);
                opening.complete(database);
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        });
    }

    /**
     * One read, so the JDBC statement and result classes are loaded and initialised here rather than on the first
     * turn's path (about 20 ms of a one-shot). Not a write: that would wait here whenever another process is writing.
     */
    private static void warmUp(StateDatabase database) throws IOException {
        database.read("warm up the reader", sql -> {
            PreparedStatement select = sql.prepared(SESSION_EXISTS);
            select.setString(1, "");
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        });
    }

    /** The open database; the failure to open it, as an {@link IOException} naming the file, on every use. */
    StateDatabase database() throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Deactivate
    @Override
    public void close() throws IOException {
        database().close();
    }

    @Override
    public void create(SessionRecord session) throws IOException {
        database().write("create session " + session.id(), sql -> {
            // INSERT OR IGNORE as the original does: creating a session twice keeps the first record
            PreparedStatement insert = sql.prepared("INSERT OR IGNORE INTO sessions (" + SESSION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)");
            insert.setString(1, session.id());
            insert.setString(2, session.source());
            insert.setString(3, session.model());
            StateDatabase.setOptional(insert, 4, session.title());
            StateDatabase.setOptional(insert, 5, session.parentId());
            insert.setDouble(6, MessageWrites.epochSeconds(session.startedAt()));
            insert.executeUpdate();
            return null;
        });
    }

    @Override
    public void append(String sessionId, List<Message> messages) throws IOException {
        if (messages.isEmpty()) {
            return;
        }
        database().write("append to session " + sessionId, sql -> {
            MessageWrites.append(sql, sessionId, messages);
            return null;
        });
    }

    /** Soft delete, as the original's rewind: see {@link MessageWrites#truncate}. */
    @Override
    public void truncate(String sessionId, int keep) throws IOException {
        database().write("truncate session " + sessionId, sql -> {
            MessageWrites.truncate(sql.connection(), sessionId, keep);
            return null;
        });
    }

    @Override
    public List<Message> messages(String sessionId) throws IOException {
        return database().read("read the messages of session " + sessionId, sql -> {
            PreparedStatement select = sql.prepared(MESSAGES);
            select.setString(1, sessionId);
            List<Message> messages = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(MessageColumns.fromRow(new MessageColumns.Row(rows.getString(1),
                            optional(rows, 2), optional(rows, 3), optional(rows, 4), optional(rows, 5),
                            optional(rows, 6))));
                }
            }
            return messages;
        });
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) throws IOException {
        return database().read("find session " + sessionId, sql -> {
            PreparedStatement select = sql.prepared(FIND);
            select.setString(1, sessionId);
            return sessions(select).stream().findFirst();
        });
    }

    @Override
    public List<SessionRecord> recent(int limit) throws IOException {
        return database().read("list recent sessions", sql -> {
            PreparedStatement select = sql.prepared(RECENT);
            select.setInt(1, Math.max(limit, 0));
            return sessions(select);
        });
    }

    @Override
    public List<SearchHit> search(String query, int limit) throws IOException {
        return database().read("search messages for \"" + query + "\"",
                sql -> MessageSearch.search(sql.connection(), query, limit));
    }

    /** By id; else by title (the newest session of its lineage); else by a unique id prefix. */
    @Override
    public Optional<SessionRecord> resolve(String idOrTitle) throws IOException {
        String wanted = idOrTitle.strip();
        Optional<SessionRecord> byId = find(wanted);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<String> id = database().read("resolve the session title \"" + wanted + "\"",
                sql -> SessionTitles.resolve(sql, wanted));
        return id.isPresent() ? find(id.get()) : Optional.empty();
    }

    /**
     * Sets the title, cleaned as the original cleans it; blank text clears it.
     *
     * @throws IllegalArgumentException when the session does not exist, the title is too long, or another session
     *     holds it (the message names that session)
     */
    @Override
    public void rename(String sessionId, String title) throws IOException {
        database().write("rename session " + sessionId, sql -> {
            SessionTitles.rename(sql, sessionId, title);
            return null;
        });
    }

    /** Marks the session ended now; the first reason stays, as in the original (later calls change nothing). */
    @Override
    public void end(String sessionId, String reason) throws IOException {
        database().write("end session " + sessionId, sql -> {
            PreparedStatement end = sql.prepared(END);
            end.setDouble(1, MessageWrites.epochSeconds(Instant.now()));
            end.setString(2, reason);
            end.setString(3, sessionId);
            end.executeUpdate();
            return null;
        });
    }

    @Override
    public void saveSystemPrompt(String sessionId, String prompt) throws IOException {
        database().write("record the system prompt of session " + sessionId, sql -> {
            PreparedStatement update = sql.prepared("UPDATE sessions SET system_prompt = ? WHERE id = ?");
            update.setString(1, prompt);
            update.setString(2, sessionId);
            update.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<String> systemPrompt(String sessionId) throws IOException {
        return database().read("read the system prompt of session " + sessionId, sql -> {
            PreparedStatement select = sql.prepared("SELECT system_prompt FROM sessions WHERE id = ?");
            select.setString(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void addUsage(String sessionId, Usage usage, int apiCalls) throws IOException {
        database().write("add token usage to session " + sessionId, sql -> {
            PreparedStatement add = sql.prepared(ADD_USAGE);
            add.setLong(1, usage.inputTokens());
            add.setLong(2, usage.outputTokens());
            add.setLong(3, usage.cacheReadTokens());
            add.setLong(4, usage.cacheWriteTokens());
            add.setLong(5, usage.reasoningTokens());
            add.setInt(6, apiCalls);
            add.setString(7, sessionId);
            add.executeUpdate();
            return null;
        });
    }

    /**
     * The ids of the session's lineage: its root (the oldest ancestor) and every descendant of the root, oldest first;
     * empty when the session does not exist.
     */
    public List<String> lineage(String sessionId) throws IOException {
        return database().read("read the lineage of session " + sessionId, sql -> lineage(sql, sessionId));
    }

    static List<String> lineage(StateDatabase.Statements sql, String sessionId) throws SQLException {
        PreparedStatement select = sql.prepared(LINEAGE);
        select.setString(1, sessionId);
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static List<SessionRecord> sessions(PreparedStatement select) throws SQLException {
        List<SessionRecord> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(new SessionRecord(rows.getString(1), rows.getString(2),
                        optional(rows, 3).orElse(""), optional(rows, 4), optional(rows, 5),
                        MessageWrites.instant(rows.getDouble(6))));
            }
        }
        return sessions;
    }

    private static Optional<String> optional(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }
}
