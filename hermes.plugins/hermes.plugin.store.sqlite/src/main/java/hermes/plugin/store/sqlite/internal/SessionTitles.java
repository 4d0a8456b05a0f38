package hermes.plugin.store.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session titles as the original keeps them: cleaned of control and invisible characters, whitespace collapsed, at
 * most {@value #MAX_LENGTH} characters, unique among the titled sessions; a lineage carries its title with a number
 * ({@code X}, {@code X #2}, {@code X #3}, …) and the title names the newest session of it.
 */
final class SessionTitles {

    static final int MAX_LENGTH = 100;

    /** ASCII controls except tab, newline and carriage return, which the whitespace collapse turns into spaces. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    /** Zero-width, line/paragraph separators, bidi overrides and isolates, BOM, object replacement, annotations. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufffc\\ufff9-\\ufffb]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final String HOLDER = "SELECT id FROM sessions WHERE title = ? AND id != ?";
    private static final String SET = "UPDATE sessions SET title = ? WHERE id = ?";
    private static final String BY_TITLE = "SELECT id FROM sessions WHERE title = ?";
    private static final String NEWEST_NUMBERED = "SELECT id FROM sessions WHERE title LIKE ? ESCAPE '\\' "
            + "ORDER BY started_at DESC, id DESC LIMIT 1";
    private static final String BY_ID_PREFIX = "SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' LIMIT 2";

    private SessionTitles() {
    }

    /**
     * The title as it is stored, or empty for one that clears the title.
     *
     * @throws IllegalArgumentException when it is longer than {@value #MAX_LENGTH} characters once cleaned
     */
    static Optional<String> clean(String title) {
        String cleaned = INVISIBLE.matcher(CONTROL.matcher(title).replaceAll("")).replaceAll("");
        cleaned = WHITESPACE.matcher(cleaned).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        int length = cleaned.codePointCount(0, cleaned.length());
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("the title is too long (" + length + " characters, at most "
                    + MAX_LENGTH + "); shorten it");
        }
        return Optional.of(cleaned);
    }

    /**
     * Sets (or with empty text clears) a session's title inside a write transaction.
     *
     * @throws IllegalArgumentException when the session does not exist, or another session holds the title
     */
    static void rename(StateDatabase.Statements sql, String sessionId, String title) throws SQLException {
        Optional<String> cleaned = clean(title);
        if (cleaned.isPresent()) {
            PreparedStatement holder = sql.prepared(HOLDER);
            holder.setString(1, cleaned.get());
            holder.setString(2, sessionId);
            try (ResultSet rows = holder.executeQuery()) {
                if (rows.next()) {
                    throw new IllegalArgumentException("the title '" + cleaned.get() + "' is already used by session "
                            + rows.getString(1) + "; choose another title or rename that session first");
                }
            }
        }
        PreparedStatement set = sql.prepared(SET);
        StateDatabase.setOptional(set, 1, cleaned);
        set.setString(2, sessionId);
        if (set.executeUpdate() == 0) {
            throw new IllegalArgumentException("there is no session " + sessionId
                    + "; `hermes sessions list` shows the ids");
        }
    }

    /**
     * The session a title names: the newest of its numbered continuations ({@code X #2}, …) when there are any, else
     * the session holding exactly that title (the original's {@code resolve_session_by_title}); else the session whose
     * id starts with the text, when only one does.
     */
    static Optional<String> resolve(StateDatabase.Statements sql, String titleOrIdPrefix) throws SQLException {
        PreparedStatement numbered = sql.prepared(NEWEST_NUMBERED);
        numbered.setString(1, escapeLike(titleOrIdPrefix) + " #%");
        Optional<String> found = firstId(numbered);
        if (found.isPresent()) {
            return found;
        }
        PreparedStatement exact = sql.prepared(BY_TITLE);
        exact.setString(1, titleOrIdPrefix);
        found = firstId(exact);
        if (found.isPresent() || titleOrIdPrefix.isEmpty()) {
            return found;
        }
        PreparedStatement prefix = sql.prepared(BY_ID_PREFIX);
        prefix.setString(1, escapeLike(titleOrIdPrefix) + "%");
        try (ResultSet rows = prefix.executeQuery()) {
            Optional<String> first = rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            return rows.next() ? Optional.empty() : first;
        }
    }

    private static Optional<String> firstId(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
