package hermes.plugin.store.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One row of {@code messages} as {@code session_search} and {@code hermes sessions} show it: the id the model pages
 * with, the raw text, and the tool columns.
 *
 * @param timestamp Unix seconds, as the original stores them
 * @param toolCalls the stored JSON list, as stored
 */
record StoredMessage(long id, String role, Optional<String> content, double timestamp, Optional<String> toolName,
                     Optional<String> toolCalls, Optional<String> toolCallId) {

    /** The columns {@link #read} expects, in its order, for a {@code messages} table aliased {@code m}. */
    static final String COLUMNS = "m.id, m.role, m.content, m.timestamp, m.tool_name, m.tool_calls, m.tool_call_id";

    static StoredMessage read(ResultSet rows) throws SQLException {
        return new StoredMessage(rows.getLong(1), rows.getString(2), Optional.ofNullable(rows.getString(3)),
                rows.getDouble(4), Optional.ofNullable(rows.getString(5)), Optional.ofNullable(rows.getString(6)),
                Optional.ofNullable(rows.getString(7)));
    }

    /** The text, empty when there is none. */
    String text() {
        return content.orElse("");
    }
}
