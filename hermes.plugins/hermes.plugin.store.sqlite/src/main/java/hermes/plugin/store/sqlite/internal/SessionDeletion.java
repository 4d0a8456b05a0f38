package hermes.plugin.store.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deleting sessions as the original does: the messages go first (the FTS triggers take them out of both indexes),
 * then the session; sessions that continued a deleted one stay, detached ({@code parent_session_id} set to NULL), so
 * deleting an old part of a lineage never takes newer work with it.
 */
final class SessionDeletion {

    /** What a deletion takes: the sessions, their messages, and the sessions left without their parent. */
    record Plan(List<SessionRow> sessions, long messages, List<String> detachedChildren) {
    }

    private static final String MESSAGE_COUNT = "SELECT count(*) FROM messages WHERE session_id = ?";
    private static final String CHILDREN = "SELECT id FROM sessions WHERE parent_session_id = ? ORDER BY started_at";
    private static final String DETACH = "UPDATE sessions SET parent_session_id = NULL WHERE parent_session_id = ?";
    private static final String DELETE_MESSAGES = "DELETE FROM messages WHERE session_id = ?";
    private static final String DELETE_LOCK = "DELETE FROM compression_locks WHERE session_id = ?";
    private static final String DELETE_SESSION = "DELETE FROM sessions WHERE id = ?";
    private static final String PRUNABLE = "SELECT " + SessionRow.COLUMNS + " FROM sessions s "
            + "WHERE s.ended_at IS NOT NULL AND s.started_at < ? AND s.id != ? AND (? IS NULL OR s.source = ?) "
            + "ORDER BY s.started_at";

    private SessionDeletion() {
    }

    /** What deleting {@code sessions} would take. */
    static Plan plan(StateDatabase.Statements sql, List<SessionRow> sessions) throws SQLException {
        long messages = 0;
        List<String> ids = sessions.stream().map(SessionRow::id).toList();
        List<String> detached = new ArrayList<>();
        for (SessionRow session : sessions) {
            PreparedStatement count = sql.prepared(MESSAGE_COUNT);
            count.setString(1, session.id());
            try (ResultSet rows = count.executeQuery()) {
                messages += rows.next() ? rows.getLong(1) : 0;
            }
            PreparedStatement children = sql.prepared(CHILDREN);
            children.setString(1, session.id());
            try (ResultSet rows = children.executeQuery()) {
                while (rows.next()) {
                    if (!ids.contains(rows.getString(1))) {
                        detached.add(rows.getString(1));
                    }
                }
            }
        }
        return new Plan(List.copyOf(sessions), messages, detached);
    }

    /** The sessions that ended and started before {@code cutoff} (Unix seconds), except {@code keep}. */
    static List<SessionRow> prunable(StateDatabase.Statements sql, double cutoff, Optional<String> source,
                                     String keep) throws SQLException {
        PreparedStatement select = sql.prepared(PRUNABLE);
        select.setDouble(1, cutoff);
        select.setString(2, keep);
        StateDatabase.setOptional(select, 3, source);
        StateDatabase.setOptional(select, 4, source);
        List<SessionRow> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(SessionRow.read(rows));
            }
        }
        return sessions;
    }

    /** Deletes the sessions of a plan inside a write transaction; returns how many messages went. */
    static long delete(StateDatabase.Statements sql, List<String> sessionIds) throws SQLException {
        long messages = 0;
        for (String id : sessionIds) {
            PreparedStatement detach = sql.prepared(DETACH);
            detach.setString(1, id);
            detach.executeUpdate();
            PreparedStatement deleteMessages = sql.prepared(DELETE_MESSAGES);
            deleteMessages.setString(1, id);
            messages += deleteMessages.executeUpdate();
            PreparedStatement deleteLock = sql.prepared(DELETE_LOCK);
            deleteLock.setString(1, id);
            deleteLock.executeUpdate();
            PreparedStatement deleteSession = sql.prepared(DELETE_SESSION);
            deleteSession.setString(1, id);
            deleteSession.executeUpdate();
        }
        return messages;
    }
}
