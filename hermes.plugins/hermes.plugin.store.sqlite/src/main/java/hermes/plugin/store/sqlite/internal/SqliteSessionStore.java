package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import hermes.api.Message;
import hermes.api.SessionStore;
import hermes.api.ToolCall;

/**
 * The default {@link SessionStore}: {@code $HERMES_HOME/state.db} in the original's schema (version 16), shared with
 * the original Hermes, which can keep opening and writing the same file.
 *
 * <p>Threading: safe for any thread; writes are serialised on one connection, reads run on another (WAL).
 */
@Component(service = SessionStore.class, property = {"hermes.id=sqlite", "service.ranking:Integer=0"})
public final class SqliteSessionStore implements SessionStore, AutoCloseable {

    private static final String MESSAGE_COLUMNS =
            "role, content, tool_calls, tool_call_id, reasoning, reasoning_details";
    private static final String SESSION_COLUMNS = "id, source, model, title, parent_session_id, started_at";
    private static final double MICROSECOND = 1e-6;

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
                opening.complete(StateDatabase.open(file));
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        });
    }

    /** The open database; the failure to open it, as an {@link IOException} naming the file, on every use. */
    private StateDatabase database() throws IOException {
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
        database().write("create session " + session.id(), connection -> {
            // INSERT OR IGNORE as the original does: creating a session twice keeps the first record
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO sessions ("
                    + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.id());
                insert.setString(2, session.source());
                insert.setString(3, session.model());
                setOptional(insert, 4, session.title());
                setOptional(insert, 5, session.parentId());
                insert.setDouble(6, epochSeconds(session.startedAt()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void append(String sessionId, List<Message> messages) throws IOException {
        if (messages.isEmpty()) {
            return;
        }
        database().write("append to session " + sessionId, connection -> {
            int toolCalls = messages.stream().mapToInt(message -> message.toolCalls().size()).sum();
            try (PreparedStatement counters = connection.prepareStatement("UPDATE sessions SET message_count = "
                    + "message_count + ?, tool_call_count = tool_call_count + ? WHERE id = ?")) {
                counters.setInt(1, messages.size());
                counters.setInt(2, toolCalls);
                counters.setString(3, sessionId);
                if (counters.executeUpdate() == 0) {
                    throw new SQLException("there is no session " + sessionId + "; create it before appending");
                }
            }
            insertMessages(connection, sessionId, messages);
            return null;
        });
    }

    @Override
    public void truncate(String sessionId, int keep) throws IOException {
        database().write("truncate session " + sessionId, connection -> {
            // keeping k messages deletes everything after the k-th live one; nothing when there are fewer
            String after = keep <= 0 ? "-1" : "(SELECT id FROM messages WHERE session_id = ? AND active = 1 "
                    + "ORDER BY id LIMIT 1 OFFSET " + (keep - 1) + ")";
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM messages WHERE session_id = ? AND id > " + after)) {
                delete.setString(1, sessionId);
                if (keep > 0) {
                    delete.setString(2, sessionId);
                }
                delete.executeUpdate();
            }
            // the counters describe what is stored, so they are recounted rather than decremented
            try (PreparedStatement recount = connection.prepareStatement("UPDATE sessions SET "
                    + "message_count = (SELECT count(*) FROM messages WHERE session_id = sessions.id), "
                    + "tool_call_count = (SELECT coalesce(sum(json_array_length(tool_calls)), 0) FROM messages "
                    + "WHERE session_id = sessions.id AND json_valid(tool_calls)) WHERE id = ?")) {
                recount.setString(1, sessionId);
                recount.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Message> messages(String sessionId) throws IOException {
        return database().read("read the messages of session " + sessionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + MESSAGE_COLUMNS
                    + " FROM messages WHERE session_id = ? AND active = 1 ORDER BY id")) {
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
            }
        });
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) throws IOException {
        return database().read("find session " + sessionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM sessions WHERE id = ?")) {
                select.setString(1, sessionId);
                List<SessionRecord> found = sessions(select);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<SessionRecord> recent(int limit) throws IOException {
        return database().read("list recent sessions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?")) {
                select.setInt(1, Math.max(limit, 0));
                return sessions(select);
            }
        });
    }

    @Override
    public List<SearchHit> search(String query, int limit) throws IOException {
        return database().read("search messages for \"" + query + "\"",
                connection -> MessageSearch.search(connection, query, limit));
    }

    private static void insertMessages(Connection connection, String sessionId, List<Message> messages)
            throws SQLException {
        double timestamp = nextTimestamp(connection, sessionId);
        List<ToolCall> knownCalls = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (session_id, "
                + MESSAGE_COLUMNS + ", tool_name, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Message message : messages) {
                knownCalls.addAll(message.toolCalls());
                MessageColumns.Row row = MessageColumns.toRow(message);
                insert.setString(1, sessionId);
                insert.setString(2, row.role());
                setOptional(insert, 3, row.content());
                setOptional(insert, 4, row.toolCalls());
                setOptional(insert, 5, row.toolCallId());
                setOptional(insert, 6, row.reasoning());
                setOptional(insert, 7, row.reasoningDetails());
                setOptional(insert, 8, toolName(connection, sessionId, message, knownCalls));
                insert.setDouble(9, timestamp);
                insert.executeUpdate();
                timestamp += MICROSECOND;
            }
        }
    }

    /**
     * Now, but never at or before the session's last message: readers of the original order by timestamp, so the
     * stored order must survive a clock step backwards or several messages in one millisecond.
     */
    private static double nextTimestamp(Connection connection, String sessionId) throws SQLException {
        double now = epochSeconds(Instant.now());
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT max(timestamp) FROM messages WHERE session_id = ?")) {
            last.setString(1, sessionId);
            try (ResultSet rows = last.executeQuery()) {
                if (rows.next()) {
                    double latest = rows.getDouble(1);
                    if (!rows.wasNull() && latest + MICROSECOND > now) {
                        return latest + MICROSECOND;
                    }
                }
            }
        }
        return now;
    }

    /** The original stores the tool's name on each tool result; it is the name in the call the result answers. */
    private static Optional<String> toolName(Connection connection, String sessionId, Message message,
                                             List<ToolCall> knownCalls) throws SQLException {
        if (message.role() != Message.Role.TOOL || message.toolCallId().isEmpty()) {
            return Optional.empty();
        }
        String callId = message.toolCallId().get();
        Optional<String> inThisTurn = MessageColumns.toolNameFor(callId, knownCalls);
        if (inThisTurn.isPresent()) {
            return inThisTurn;
        }
        try (PreparedStatement earlier = connection.prepareStatement("SELECT json_extract(call.value, "
                + "'$.function.name') FROM messages m, json_each(m.tool_calls) call WHERE m.session_id = ? "
                + "AND json_valid(m.tool_calls) AND json_extract(call.value, '$.id') = ? ORDER BY m.id DESC LIMIT 1")) {
            earlier.setString(1, sessionId);
            earlier.setString(2, callId);
            try (ResultSet rows = earlier.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<SessionRecord> sessions(PreparedStatement select) throws SQLException {
        List<SessionRecord> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(new SessionRecord(rows.getString(1), rows.getString(2),
                        optional(rows, 3).orElse(""), optional(rows, 4), optional(rows, 5),
                        instant(rows.getDouble(6))));
            }
        }
        return sessions;
    }

    private static Optional<String> optional(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }

    private static void setOptional(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    /** The original keeps times as REAL Unix seconds (Python's {@code time.time()}). */
    private static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    private static Instant instant(double epochSeconds) {
        long seconds = (long) Math.floor(epochSeconds);
        long nanos = Math.round((epochSeconds - seconds) * 1e9 / 1000) * 1000;
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
