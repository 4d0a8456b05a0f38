package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Sessions as JSON Lines, as the original's {@code hermes sessions export} writes them: one object per line with every
 * column of the {@code sessions} row and a {@code messages} array holding every column of each message row (soft-deleted
 * ones included, with their {@code active} flag: an export is a backup), {@code tool_calls} decoded from its JSON.
 */
final class SessionExport {

    private static final String SESSION = "SELECT * FROM sessions WHERE id = ?";
    private static final String MESSAGES = "SELECT * FROM messages WHERE session_id = ? ORDER BY id";

    private SessionExport() {
    }

    /** Writes one line per session, in the order given; returns the number of messages written. */
    static long write(StateDatabase.Statements sql, List<String> sessionIds, Writer out) throws SQLException {
        long messages = 0;
        try {
            for (String id : sessionIds) {
                JsonGenerator json = SearchJson.JSON.getFactory().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                PreparedStatement session = sql.prepared(SESSION);
                session.setString(1, id);
                try (ResultSet rows = session.executeQuery()) {
                    if (rows.next()) {
                        writeColumns(json, rows);
                    }
                }
                json.writeArrayFieldStart("messages");
                PreparedStatement select = sql.prepared(MESSAGES);
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        json.writeStartObject();
                        writeColumns(json, rows);
                        json.writeEndObject();
                        messages++;
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
                json.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    private static void writeColumns(JsonGenerator json, ResultSet rows) throws SQLException, IOException {
        ResultSetMetaData columns = rows.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnName(i);
            Object value = rows.getObject(i);
            json.writeFieldName(name);
            if (value == null) {
                json.writeNull();
            } else if (name.equals("tool_calls") && value instanceof String text) {
                writeJsonOrText(json, text);
            } else if (value instanceof Integer || value instanceof Long) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof Double real) {
                json.writeNumber(SearchJson.decimal(real));
            } else if (value instanceof byte[] bytes) {
                json.writeBinary(bytes);
            } else {
                json.writeString(value.toString());
            }
        }
    }

    private static void writeJsonOrText(JsonGenerator json, String text) throws IOException {
        try {
            json.writeTree(SearchJson.JSON.readTree(text));
        } catch (JsonProcessingException notJson) {
            json.writeString(text);
        }
    }
}
