package hermes.plugin.store.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a discovery query is answered, as the original routes it: the word index ({@code messages_fts}) for ordinary
 * text, the trigram index for text with CJK characters (unicode61 keeps a CJK run as one token), a LIKE scan when a CJK
 * term is shorter than a trigram; nothing for a query the sanitiser empties.
 */
sealed interface SearchRoute {

    String SNIPPET_MARK_START = ">>>";
    String SNIPPET_MARK_END = "<<<";

    static SearchRoute of(String query) {
        String sanitised = FtsQuery.sanitise(query);
        if (sanitised.isEmpty()) {
            return new Nothing();
        }
        if (!FtsQuery.needsTrigram(query)) {
            return new FullText("messages_fts", sanitised);
        }
        if (FtsQuery.trigramCanMatch(sanitised)) {
            return new FullText("messages_fts_trigram", sanitised);
        }
        List<String> terms = FtsQuery.likeTerms(sanitised);
        return terms.isEmpty() ? new Nothing() : new Substring(terms);
    }

    /**
     * The order when the caller asks for none: relevance when at most {@code rankable} messages match (ranking them
     * all is cheap), else the newest matches.
     */
    Discovery.Ranking unsorted(StateDatabase.Statements sql, int rankable) throws SQLException;

    /**
     * The matching live messages of the given roles outside hidden sessions and outside session {@code excluded}, as
     * (message id, session id) rows in {@code ranking} order; the caller reads as many as it needs and closes the
     * result.
     */
    ResultSet candidates(StateDatabase.Statements sql, Discovery.Ranking ranking, List<String> roles,
                         Set<String> hiddenSources, String excluded) throws SQLException;

    /** The matching text of a hit with the matches between {@code >>>} and {@code <<<}. */
    String snippet(StoredMessage hit);

    /** An FTS5 table and a sanitised MATCH expression. */
    record FullText(String table, String match) implements SearchRoute {

        @Override
        public Discovery.Ranking unsorted(StateDatabase.Statements sql, int rankable) throws SQLException {
            PreparedStatement count = sql.prepared("SELECT count(*) FROM (SELECT rowid FROM " + table + " WHERE "
                    + table + " MATCH ? LIMIT ?)");
            count.setString(1, match);
            count.setInt(2, rankable + 1);
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() && rows.getInt(1) > rankable ? Discovery.Ranking.RECENT_MATCHES
                        : Discovery.Ranking.RELEVANCE;
            } catch (SQLException e) {
                if (isQuerySyntax(e)) {
                    return Discovery.Ranking.RELEVANCE;
                }
                throw e;
            }
        }

        @Override
        public ResultSet candidates(StateDatabase.Statements sql, Discovery.Ranking ranking, List<String> roles,
                                    Set<String> hiddenSources, String excluded) throws SQLException {
            String order = switch (ranking) {
                case RELEVANCE -> "f.rank";
                case NEWEST, RECENT_MATCHES -> "f.rowid DESC";
                case OLDEST -> "f.rowid";
            };
            PreparedStatement select = sql.prepared("SELECT m.id, m.session_id FROM " + table + " f "
                    + "JOIN messages m ON m.id = f.rowid JOIN sessions s ON s.id = m.session_id WHERE f." + table
                    + " MATCH ? AND m.active = 1 AND m.session_id != ? AND " + filters(roles, hiddenSources)
                    + " ORDER BY " + order);
            select.setString(1, match);
            select.setString(2, excluded);
            bindRoles(select, 3, roles);
            try {
                return select.executeQuery();
            } catch (SQLException e) {
                if (isQuerySyntax(e)) {
                    // the sanitiser let something through that FTS5 still rejects: no hits, as the original answers
                    return sql.prepared("SELECT NULL, NULL WHERE 0").executeQuery();
                }
                throw e;
            }
        }

        @Override
        public String snippet(StoredMessage hit) {
            List<String> terms = Snippets.terms(match);
            return table.equals("messages_fts_trigram") ? Snippets.substrings(hit.text(), terms)
                    : Snippets.words(hit.text(), terms);
        }

        private static boolean isQuerySyntax(SQLException e) {
            String message = String.valueOf(e.getMessage());
            return message.contains("fts5: syntax error") || message.contains("no such column")
                    || message.contains("unterminated string");
        }
    }

    /** CJK terms of one or two characters: a substring scan, newest first, as the original falls back to. */
    record Substring(List<String> terms) implements SearchRoute {

        @Override
        public Discovery.Ranking unsorted(StateDatabase.Statements sql, int rankable) {
            return Discovery.Ranking.NEWEST;
        }

        @Override
        public ResultSet candidates(StateDatabase.Statements sql, Discovery.Ranking ranking, List<String> roles,
                                    Set<String> hiddenSources, String excluded) throws SQLException {
            String like = terms.stream().map(term -> "m.content LIKE ? ESCAPE '\\'")
                    .collect(Collectors.joining(" AND "));
            PreparedStatement select = sql.prepared("SELECT m.id, m.session_id FROM messages m JOIN sessions s "
                    + "ON s.id = m.session_id WHERE m.active = 1 AND " + like + " AND m.session_id != ? AND "
                    + filters(roles, hiddenSources) + " ORDER BY m.id "
                    + (ranking == Discovery.Ranking.OLDEST ? "" : "DESC"));
            int parameter = 1;
            for (String term : terms) {
                select.setString(parameter++, "%" + SessionTitles.escapeLike(term) + "%");
            }
            select.setString(parameter++, excluded);
            bindRoles(select, parameter, roles);
            return select.executeQuery();
        }

        @Override
        public String snippet(StoredMessage hit) {
            return Snippets.substrings(hit.text(), terms.stream().map(term -> term.toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** A query with nothing searchable left after sanitising. */
    record Nothing() implements SearchRoute {

        @Override
        public Discovery.Ranking unsorted(StateDatabase.Statements sql, int rankable) {
            return Discovery.Ranking.RELEVANCE;
        }

        @Override
        public ResultSet candidates(StateDatabase.Statements sql, Discovery.Ranking ranking, List<String> roles,
                                    Set<String> hiddenSources, String excluded) throws SQLException {
            return sql.prepared("SELECT NULL, NULL WHERE 0").executeQuery();
        }

        @Override
        public String snippet(StoredMessage hit) {
            return "";
        }
    }

    /** Role and source filters on {@code m} and {@code s}; the roles are bound from {@link #bindRoles}. */
    private static String filters(List<String> roles, Set<String> hiddenSources) {
        String sources = hiddenSources.stream().sorted().map(source -> "'" + source.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        String roleParameters = roles.stream().map(role -> "?").collect(Collectors.joining(", "));
        return "m.role IN (" + roleParameters + ") AND s.source NOT IN (" + sources + ")";
    }

    private static void bindRoles(PreparedStatement select, int first, List<String> roles) throws SQLException {
        for (int i = 0; i < roles.size(); i++) {
            select.setString(first + i, roles.get(i));
        }
    }
}
