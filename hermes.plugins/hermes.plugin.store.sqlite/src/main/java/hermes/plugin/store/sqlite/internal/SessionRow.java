package hermes.plugin.store.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import hermes.api.Usage;

/**
 * A {@code sessions} row with what {@code session_search} and {@code hermes sessions} show of it.
 *
 * @param startedAt Unix seconds
 * @param endedAt Unix seconds, when the session ended
 * @param usage the token totals
 */
record SessionRow(String id, String source, Optional<String> model, Optional<String> title, Optional<String> parentId,
                  double startedAt, Optional<Double> endedAt, Optional<String> endReason, long messageCount,
                  long toolCallCount, Usage usage, long apiCallCount) {

    /** The columns {@link #read} expects, in its order, for a {@code sessions} table aliased {@code s}. */
    static final String COLUMNS = "s.id, s.source, s.model, s.title, s.parent_session_id, s.started_at, s.ended_at, "
            + "s.end_reason, s.message_count, s.tool_call_count, s.input_tokens, s.output_tokens, "
            + "s.cache_read_tokens, s.cache_write_tokens, s.reasoning_tokens, s.api_call_count";

    static SessionRow read(ResultSet rows) throws SQLException {
        double endedAt = rows.getDouble(7);
        Optional<Double> ended = rows.wasNull() ? Optional.empty() : Optional.of(endedAt);
        return new SessionRow(rows.getString(1), rows.getString(2), Optional.ofNullable(rows.getString(3)),
                Optional.ofNullable(rows.getString(4)), Optional.ofNullable(rows.getString(5)), rows.getDouble(6),
                ended, Optional.ofNullable(rows.getString(8)), rows.getLong(9), rows.getLong(10),
                new Usage(rows.getLong(11), rows.getLong(12), rows.getLong(13), rows.getLong(14), rows.getLong(15)),
                rows.getLong(16));
    }
}
