package hermes.plugin.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import hermes.api.SessionStore.SearchHit;

/**
 * Full-text search over {@code messages}, routed as the original routes it: the word index ({@code messages_fts},
 * unicode61) for ordinary text; the trigram index for text with CJK characters, which unicode61 keeps as one long
 * token; and a LIKE scan when a CJK term is shorter than a trigram. Only live messages ({@code active = 1}) are hits;
 * the message index counts live messages before the hit, so it matches {@code messages(sessionId)}.
 */
final class MessageSearch {

    private static final String MESSAGE_INDEX = "(SELECT count(*) FROM messages p WHERE p.session_id = m.session_id "
            + "AND p.active = 1 AND p.id < m.id)";

    private MessageSearch() {
    }

    static List<SearchHit> search(Connection connection, String query, int limit) throws SQLException {
        if (query.isBlank() || limit <= 0) {
            return List.of();
        }
        if (FtsQuery.needsTrigram(query)) {
            String sanitised = FtsQuery.sanitise(query);
            return FtsQuery.trigramCanMatch(sanitised)
                    ? fts(connection, "messages_fts_trigram", sanitised, limit)
                    : like(connection, FtsQuery.likeTerms(sanitised), limit);
        }
        return fts(connection, "messages_fts", FtsQuery.sanitise(query), limit);
    }

    private static List<SearchHit> fts(Connection connection, String table, String match, int limit)
            throws SQLException {
        if (match.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT m.session_id, " + MESSAGE_INDEX + ", snippet(" + table + ", 0, '>>>', '<<<', '...', 40) "
                + "FROM " + table + " JOIN messages m ON m.id = " + table + ".rowid "
                + "WHERE " + table + " MATCH ? AND m.active = 1 ORDER BY rank LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, match);
            statement.setInt(2, limit);
            return hits(statement);
        } catch (SQLException e) {
            if (isQuerySyntax(e)) {
                // the sanitiser let something through that FTS5 still rejects: no hits, as the original answers
                return List.of();
            }
            throw e;
        }
    }

    private static List<SearchHit> like(Connection connection, List<String> terms, int limit) throws SQLException {
        if (terms.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("m.active = 1");
        for (int i = 0; i < terms.size(); i++) {
            where.append(" AND m.content LIKE ? ESCAPE '\\'");
        }
        String sql = "SELECT m.session_id, " + MESSAGE_INDEX + ", "
                + "substr(m.content, max(1, instr(m.content, ?) - 40), 120) FROM messages m WHERE " + where
                + " ORDER BY m.timestamp DESC, m.id DESC LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            statement.setString(parameter++, terms.getFirst());
            for (String term : terms) {
                statement.setString(parameter++, "%" + escapeLike(term) + "%");
            }
            statement.setInt(parameter, limit);
            return hits(statement);
        }
    }

    private static List<SearchHit> hits(PreparedStatement statement) throws SQLException {
        List<SearchHit> hits = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String snippet = rows.getString(3);
                hits.add(new SearchHit(rows.getString(1), rows.getInt(2), snippet == null ? "" : snippet));
            }
        }
        return hits;
    }

    private static boolean isQuerySyntax(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("fts5: syntax error") || message.contains("no such column")
                || message.contains("unterminated string");
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
