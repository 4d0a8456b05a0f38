package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Message;
import hermes.api.SessionStore.SessionRecord;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

/** Test helper: writes conversations into a real store and asks {@code session_search} about them. */
final class History {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path file;
    final SqliteSessionStore store;
    final SessionSearchTool tool;
    final FakeToolContext context;

    History(Path home) {
        this.file = home.resolve("state.db");
        this.store = new SqliteSessionStore(file);
        this.tool = new SessionSearchTool(store);
        this.context = new FakeToolContext(home);
    }

    /** A session started on day {@code day} of August 2026 whose messages alternate user, assistant, user, … */
    History session(String id, String source, String title, String parent, int day, String... texts)
            throws IOException {
        store.create(new SessionRecord(id, source, "test/model", Optional.ofNullable(title),
                Optional.ofNullable(parent), Instant.parse("2026-08-01T09:00:00Z").plusSeconds(86_400L * day)));
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            messages.add(i % 2 == 0 ? Message.user(texts[i]) : Message.assistant(texts[i]));
        }
        store.append(id, messages);
        return this;
    }

    /** A tool call and its result, appended to a session. */
    History toolTurn(String sessionId, String callId, String result) throws IOException {
        store.append(sessionId, List.of(new Message(Message.Role.ASSISTANT, List.of(),
                        List.of(new ToolCall(callId, "terminal", "{\"command\":\"ls\"}")), Optional.empty(),
                        Optional.empty(), Optional.empty()), Message.toolResult(callId, result)));
        return this;
    }

    /** {@code count} texts "{@code prefix} 1", "{@code prefix} 2", … */
    static String[] numbered(String prefix, int count) {
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = prefix + " " + (i + 1);
        }
        return texts;
    }

    long idOf(String content) throws SQLException {
        return Long.parseLong(StateFiles.column(file, "SELECT id FROM messages WHERE content = '"
                + content.replace("'", "''") + "'").getFirst());
    }

    /** Calls the tool as session {@code current}; fails the test when the result is an error. */
    JsonNode search(String current, String arguments) throws Exception {
        ToolResult result = call(current, arguments);
        if (result.error()) {
            throw new AssertionError("session_search failed: " + result.content());
        }
        return JSON.readTree(result.content());
    }

    ToolResult call(String current, String arguments) throws InterruptedException {
        context.withSessionId(current);
        return tool.call(new ToolCall("call_1", "session_search", arguments), context);
    }

    /** One field of every element of an array, as text. */
    static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }
}
