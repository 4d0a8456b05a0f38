package hermes.plugin.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hermes.api.Message;
import hermes.api.ToolCall;

/**
 * The writes on {@code messages} and the session counters that go with them, each run inside a write transaction of
 * {@link StateDatabase}, with the statements it keeps prepared.
 */
final class MessageWrites {

    static final String MESSAGE_COLUMNS = "role, content, tool_calls, tool_call_id, reasoning, reasoning_details";
    private static final double MICROSECOND = 1e-6;

    /**
     * Counters grow with what is appended, and appending to an ended session reopens it (the original's
     * {@code reopen_session}: a resumed session is live again). One statement: the row is written anyway.
     */
    private static final String COUNT_AND_REOPEN = "UPDATE sessions SET message_count = coalesce(message_count, 0) + ?, "
            + "tool_call_count = coalesce(tool_call_count, 0) + ?, ended_at = NULL, end_reason = NULL WHERE id = ?";
    private static final String LAST_TIMESTAMP = "SELECT max(timestamp) FROM messages WHERE session_id = ?";
    private static final String INSERT = "INSERT INTO messages (session_id, " + MESSAGE_COLUMNS
            + ", tool_name, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EARLIER_TOOL_NAME = "SELECT json_extract(call.value, '$.function.name') "
            + "FROM messages m, json_each(m.tool_calls) call WHERE m.session_id = ? AND m.tool_calls IS NOT NULL "
            + "AND json_valid(m.tool_calls) AND json_extract(call.value, '$.id') = ? ORDER BY m.id DESC LIMIT 1";

    private MessageWrites() {
    }

    static void append(StateDatabase.Statements sql, String sessionId, List<Message> messages) throws SQLException {
        int toolCalls = messages.stream().mapToInt(message -> message.toolCalls().size()).sum();
        PreparedStatement counters = sql.prepared(COUNT_AND_REOPEN);
        counters.setInt(1, messages.size());
        counters.setInt(2, toolCalls);
        counters.setString(3, sessionId);
        if (counters.executeUpdate() == 0) {
            throw new SQLException("there is no session " + sessionId + "; create it before appending");
        }
        double timestamp = nextTimestamp(sql, sessionId);
        List<ToolCall> knownCalls = new ArrayList<>();
        PreparedStatement insert = sql.prepared(INSERT);
        for (Message message : messages) {
            knownCalls.addAll(message.toolCalls());
            MessageColumns.Row row = MessageColumns.toRow(message);
            insert.setString(1, sessionId);
            insert.setString(2, row.role());
            StateDatabase.setOptional(insert, 3, row.content());
            StateDatabase.setOptional(insert, 4, row.toolCalls());
            StateDatabase.setOptional(insert, 5, row.toolCallId());
            StateDatabase.setOptional(insert, 6, row.reasoning());
            StateDatabase.setOptional(insert, 7, row.reasoningDetails());
            StateDatabase.setOptional(insert, 8, toolName(sql, sessionId, message, knownCalls));
            insert.setDouble(9, timestamp);
            insert.executeUpdate();
            timestamp += MICROSECOND;
        }
    }

    /**
     * Keeps the first {@code keep} live messages and soft-deletes the rest as the original's rewind does: the rows stay
     * with {@code active = 0} (every read skips them), {@code rewind_count} counts the rewind and {@code message_count}
     * becomes the number of live messages.
     */
    static void truncate(Connection connection, String sessionId, int keep) throws SQLException {
        String after = keep <= 0 ? "-1" : "coalesce((SELECT id FROM messages WHERE session_id = ? AND active = 1 "
                + "ORDER BY id LIMIT 1 OFFSET " + (keep - 1) + "), (SELECT max(id) FROM messages))";
        int rewound;
        try (PreparedStatement deactivate = connection.prepareStatement(
                "UPDATE messages SET active = 0 WHERE session_id = ? AND active = 1 AND id > " + after)) {
            deactivate.setString(1, sessionId);
            if (keep > 0) {
                deactivate.setString(2, sessionId);
            }
            rewound = deactivate.executeUpdate();
        }
        if (rewound == 0) {
            return;
        }
        try (PreparedStatement recount = connection.prepareStatement("UPDATE sessions SET rewind_count = "
                + "rewind_count + 1, message_count = (SELECT count(*) FROM messages WHERE session_id = sessions.id "
                + "AND active = 1) WHERE id = ?")) {
            recount.setString(1, sessionId);
            recount.executeUpdate();
        }
    }

    /**
     * Now, but never at or before the session's last message: readers of the original order by timestamp, so the
     * stored order must survive a clock step backwards or several messages in one millisecond.
     */
    private static double nextTimestamp(StateDatabase.Statements sql, String sessionId) throws SQLException {
        double now = epochSeconds(Instant.now());
        PreparedStatement last = sql.prepared(LAST_TIMESTAMP);
        last.setString(1, sessionId);
        try (ResultSet rows = last.executeQuery()) {
            if (rows.next()) {
                double latest = rows.getDouble(1);
                if (!rows.wasNull() && latest + MICROSECOND > now) {
                    return latest + MICROSECOND;
                }
            }
        }
        return now;
    }

    /** The original stores the tool's name on each tool result; it is the name in the call the result answers. */
    private static Optional<String> toolName(StateDatabase.Statements sql, String sessionId, Message message,
                                             List<ToolCall> knownCalls) throws SQLException {
        if (message.role() != Message.Role.TOOL || message.toolCallId().isEmpty()) {
            return Optional.empty();
        }
        String callId = message.toolCallId().get();
        Optional<String> inThisTurn = MessageColumns.toolNameFor(callId, knownCalls);
        if (inThisTurn.isPresent()) {
            return inThisTurn;
        }
        PreparedStatement earlier = sql.prepared(EARLIER_TOOL_NAME);
        earlier.setString(1, sessionId);
        earlier.setString(2, callId);
        try (ResultSet rows = earlier.executeQuery()) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }

    /** The original keeps times as REAL Unix seconds (Python's {@code time.time()}). */
    static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    static Instant instant(double epochSeconds) {
        long seconds = (long) Math.floor(epochSeconds);
        long nanos = Math.round((epochSeconds - seconds) * 1e9 / 1000) * 1000;
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
