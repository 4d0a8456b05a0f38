package hermes.plugin.store.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists of sessions with what a person recognises them by: title, first words, when it was last used. Used by the
 * browse shape of {@code session_search} and by {@code hermes sessions list}.
 */
final class RecentSessions {

    /** A listed session. */
    record Listed(SessionRow session, double lastActive, String preview) {
    }

    /** The order of a listing. */
    enum Order {
        /**
         * By the newest message (browse: what was I working on). Only the sessions of the latest messages and the
         * latest started sessions are candidates, so the cost does not grow with the history.
         */
        LAST_ACTIVE("coalesce((SELECT max(m.timestamp) FROM messages m WHERE m.session_id = s.id), s.started_at)",
                "s.id IN (SELECT session_id FROM (SELECT session_id FROM messages ORDER BY id DESC LIMIT "
                        + RECENT_MESSAGES + ") UNION SELECT id FROM (SELECT id FROM sessions "
                        + "ORDER BY started_at DESC LIMIT " + RECENT_STARTS + ")) AND "),
        /** By start (the sessions table as the original's {@code hermes sessions list} shows it). */
        STARTED("s.started_at", "");

        private final String key;
        private final String candidates;

        Order(String key, String candidates) {
            this.key = key;
            this.candidates = candidates;
        }
    }

    private static final int RECENT_MESSAGES = 5_000;
    private static final int RECENT_STARTS = 200;

    private static final int PREVIEW_CHARS = 80;
    private static final String LAST_ACTIVE = "SELECT max(timestamp) FROM messages WHERE session_id = ?";
    private static final String PREVIEW = "SELECT content FROM messages WHERE session_id = ? AND active = 1 "
            + "AND role = 'user' AND content IS NOT NULL AND content != '' ORDER BY id LIMIT 1";

    private RecentSessions() {
    }

    /**
     * Up to {@code limit} sessions in {@code order}, newest first.
     *
     * @param source only this source when present; otherwise every source but {@code hiddenSources}
     * @param exclude a session left out (the caller's own)
     * @param chainTips whether a compacted chain shows only its continuation: a session that ended by compression and
     *     has a child is left out
     */
    static List<Listed> list(StateDatabase.Statements sql, Order order, int limit, Optional<String> source,
                             Set<String> hiddenSources, String exclude, boolean chainTips) throws SQLException {
        String where = source.isPresent() ? "s.source = ?" : "s.source NOT IN (" + hiddenSources.stream().sorted()
                .map(hidden -> "'" + hidden.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
        if (chainTips) {
            where += " AND NOT (coalesce(s.end_reason, '') = 'compression' AND EXISTS "
                    + "(SELECT 1 FROM sessions c WHERE c.parent_session_id = s.id))";
        }
        PreparedStatement select = sql.prepared("SELECT " + SessionRow.COLUMNS + " FROM sessions s WHERE "
                + order.candidates + where + " AND s.id != ? ORDER BY " + order.key + " DESC, s.id DESC LIMIT ?");
        int parameter = 1;
        if (source.isPresent()) {
            select.setString(parameter++, source.get());
        }
        select.setString(parameter++, exclude);
        select.setInt(parameter, limit);
        List<SessionRow> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(SessionRow.read(rows));
            }
        }
        List<Listed> listed = new ArrayList<>();
        for (SessionRow session : sessions) {
            listed.add(new Listed(session, lastActive(sql, session), preview(sql, session.id())));
        }
        return listed;
    }

    /** The time of the newest message, or the start when there is none. */
    static double lastActive(StateDatabase.Statements sql, SessionRow session) throws SQLException {
        PreparedStatement select = sql.prepared(LAST_ACTIVE);
        select.setString(1, session.id());
        try (ResultSet rows = select.executeQuery()) {
            double last = rows.next() ? rows.getDouble(1) : 0;
            return rows.wasNull() || last == 0 ? session.startedAt() : last;
        }
    }

    /** The start of the first user message, on one line. */
    static String preview(StateDatabase.Statements sql, String sessionId) throws SQLException {
        PreparedStatement select = sql.prepared(PREVIEW);
        select.setString(1, sessionId);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return "";
            }
            String text = rows.getString(1).replaceAll("\\s+", " ").strip();
            return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
        }
    }
}
