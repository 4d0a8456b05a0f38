package hermes.plugin.store.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads of one session's live messages ({@code active = 1}): the window around a message, the bookends, the head and
 * tail of a long session. Each is a range of the original's index {@code (session_id, active, timestamp)}, so it reads
 * only the rows it returns, whatever the session's length; the order is (timestamp, id), which is the id order the
 * original's views use, since a session's messages are stored with rising timestamps.
 */
final class Transcripts {

    /** How the window around a message came out. */
    record Window(List<StoredMessage> messages, int before, int after) {
    }

    /** The original's bookend rule skips the messages a compaction left behind: they summarise, they did not happen. */
    private static final String NOT_COMPACTION_SUMMARY = "m.content NOT LIKE '[CONTEXT COMPACTION%' "
            + "AND m.content NOT LIKE '[CONTEXT SUMMARY]:%'";
    private static final String LIVE = "FROM messages m WHERE m.session_id = ?1 AND m.active = 1 ";
    /** The position of message ?2 in (timestamp, id) order. */
    private static final String POSITION = "((SELECT timestamp FROM messages WHERE id = ?2), ?2)";
    private static final String SESSION = "SELECT " + SessionRow.COLUMNS + " FROM sessions s WHERE s.id = ?";
    private static final String UP_TO = "SELECT " + StoredMessage.COLUMNS + " " + LIVE
            + "AND (m.timestamp, m.id) <= " + POSITION + " ORDER BY m.timestamp DESC, m.id DESC LIMIT ?3";
    private static final String AFTER = "SELECT " + StoredMessage.COLUMNS + " " + LIVE
            + "AND (m.timestamp, m.id) > " + POSITION + " ORDER BY m.timestamp, m.id LIMIT ?3";
    private static final String PROSE = "AND m.role IN ('user', 'assistant') AND m.content IS NOT NULL "
            + "AND m.content != '' AND " + NOT_COMPACTION_SUMMARY + " ";
    private static final String FIRST_PROSE = "SELECT " + StoredMessage.COLUMNS + " " + LIVE + PROSE
            + "AND (m.timestamp, m.id) < " + POSITION + " ORDER BY m.timestamp, m.id LIMIT ?3";
    private static final String LAST_PROSE = "SELECT " + StoredMessage.COLUMNS + " " + LIVE + PROSE
            + "AND (m.timestamp, m.id) > " + POSITION + " ORDER BY m.timestamp DESC, m.id DESC LIMIT ?3";
    private static final String FIRST = "SELECT " + StoredMessage.COLUMNS + " " + LIVE
            + "ORDER BY m.timestamp, m.id LIMIT ?2";
    private static final String LAST = "SELECT " + StoredMessage.COLUMNS + " " + LIVE
            + "ORDER BY m.timestamp DESC, m.id DESC LIMIT ?2";
    private static final String COUNT = "SELECT count(*) " + LIVE;
    private static final String OWNER = "SELECT session_id FROM messages WHERE id = ? AND active = 1";

    private Transcripts() {
    }

    static Optional<SessionRow> session(StateDatabase.Statements sql, String sessionId) throws SQLException {
        PreparedStatement select = sql.prepared(SESSION);
        select.setString(1, sessionId);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(SessionRow.read(rows)) : Optional.empty();
        }
    }

    /** The session a live message belongs to. */
    static Optional<String> owner(StateDatabase.Statements sql, long messageId) throws SQLException {
        PreparedStatement select = sql.prepared(OWNER);
        select.setLong(1, messageId);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /**
     * The anchor and up to {@code size} messages on each side of it, with how many of each side came back (fewer than
     * {@code size} means the window reaches the start or end of the session). Empty when the anchor is not a live
     * message of the session.
     */
    static Window around(StateDatabase.Statements sql, String sessionId, long anchorId, int size)
            throws SQLException {
        List<StoredMessage> upTo = messages(sql.prepared(UP_TO), sessionId, anchorId, size + 1);
        if (upTo.isEmpty() || upTo.getFirst().id() != anchorId) {
            return new Window(List.of(), 0, 0);
        }
        List<StoredMessage> after = messages(sql.prepared(AFTER), sessionId, anchorId, size);
        List<StoredMessage> window = new ArrayList<>(upTo.reversed());
        window.addAll(after);
        return new Window(window, upTo.size() - 1, after.size());
    }

    /** The first {@code count} user and assistant messages with text before message {@code beforeId}. */
    static List<StoredMessage> openingBefore(StateDatabase.Statements sql, String sessionId, long beforeId, int count)
            throws SQLException {
        return messages(sql.prepared(FIRST_PROSE), sessionId, beforeId, count);
    }

    /** The last {@code count} user and assistant messages with text after message {@code afterId}, in order. */
    static List<StoredMessage> closingAfter(StateDatabase.Statements sql, String sessionId, long afterId, int count)
            throws SQLException {
        List<StoredMessage> closing = messages(sql.prepared(LAST_PROSE), sessionId, afterId, count);
        Collections.reverse(closing);
        return closing;
    }

    /** The first {@code count} live messages. */
    static List<StoredMessage> first(StateDatabase.Statements sql, String sessionId, int count) throws SQLException {
        PreparedStatement select = sql.prepared(FIRST);
        select.setString(1, sessionId);
        select.setInt(2, count);
        return read(select);
    }

    /** The last {@code count} live messages, in order. */
    static List<StoredMessage> last(StateDatabase.Statements sql, String sessionId, int count) throws SQLException {
        PreparedStatement select = sql.prepared(LAST);
        select.setString(1, sessionId);
        select.setInt(2, count);
        List<StoredMessage> last = read(select);
        Collections.reverse(last);
        return last;
    }

    static int count(StateDatabase.Statements sql, String sessionId) throws SQLException {
        PreparedStatement select = sql.prepared(COUNT);
        select.setString(1, sessionId);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static List<StoredMessage> messages(PreparedStatement select, String sessionId, long id, int limit)
            throws SQLException {
        select.setString(1, sessionId);
        select.setLong(2, id);
        select.setInt(3, limit);
        return read(select);
    }

    private static List<StoredMessage> read(PreparedStatement select) throws SQLException {
        List<StoredMessage> messages = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                messages.add(StoredMessage.read(rows));
            }
        }
        return messages;
    }
}
