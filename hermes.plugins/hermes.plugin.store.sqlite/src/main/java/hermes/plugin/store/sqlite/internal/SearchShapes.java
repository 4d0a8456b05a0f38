package hermes.plugin.store.sqlite.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The four shapes of {@code session_search}, each read on the store's read connection and answered as the JSON of
 * {@link SearchJson}. A shape that cannot answer throws {@link IllegalArgumentException} with the problem and the fix.
 */
final class SearchShapes {

    static final int READ_HEAD = 20;
    static final int READ_TAIL = 10;
    /** Discovery keeps results small: the model scrolls for more. */
    private static final int WINDOW_CHARS = 4_000;
    private static final int BOOKEND_CHARS = 1_200;
    /** Read and scroll show messages whole, up to a size that cannot flood the context. */
    private static final int FULL_CHARS = 20_000;

    private SearchShapes() {
    }

    static ObjectNode discover(StateDatabase.Statements sql, Discovery.Request request) throws SQLException {
        Discovery.Outcome outcome = Discovery.discover(sql, request);
        ObjectNode result = SearchJson.success("discover").put("query", request.query())
                .put("ranking", outcome.ranking().name().toLowerCase(Locale.ROOT));
        ArrayNode results = result.putArray("results");
        for (Discovery.Found found : outcome.found()) {
            ObjectNode entry = results.addObject();
            entry.put("session_id", found.session().id());
            entry.put("when", SearchJson.when(found.root().startedAt()));
            entry.put("source", found.root().source());
            entry.put("model", found.session().model().or(() -> found.root().model()).orElse("unknown"));
            entry.put("title", found.root().title().or(() -> found.session().title()).orElse(null));
            entry.put("matched_role", found.hit().role());
            entry.put("match_message_id", found.hit().id());
            entry.put("snippet", found.snippet());
            entry.set("bookend_start", SearchJson.messages(found.bookendStart(), -1, BOOKEND_CHARS));
            entry.set("messages", SearchJson.messages(found.window(), found.hit().id(), WINDOW_CHARS));
            entry.set("bookend_end", SearchJson.messages(found.bookendEnd(), -1, BOOKEND_CHARS));
            entry.put("messages_before", found.messagesBefore());
            entry.put("messages_after", found.messagesAfter());
            if (!found.root().id().equals(found.session().id())) {
                entry.put("parent_session_id", found.root().id());
            }
        }
        result.put("count", outcome.found().size());
        if (outcome.found().isEmpty()) {
            result.put("message", "No matching sessions found. Try other words, fewer words, or OR between them.");
        } else if (outcome.ranking() == Discovery.Ranking.RECENT_MATCHES) {
            result.put("message", "More than " + Discovery.RANKED_MATCHES + " messages match, so the sessions with "
                    + "the newest matches are shown. Add words or a quoted phrase to rank by relevance.");
        }
        return result;
    }

    static ObjectNode scroll(StateDatabase.Statements sql, String sessionId, long aroundMessageId, int window)
            throws SQLException {
        SessionRow session = session(sql, sessionId);
        Transcripts.Window view = Transcripts.around(sql, session.id(), aroundMessageId, window);
        Optional<String> warning = Optional.empty();
        if (view.messages().isEmpty()) {
            // the model may pair a lineage's first session with a message id of a later one: follow it there
            Optional<String> owner = Transcripts.owner(sql, aroundMessageId);
            if (owner.isEmpty() || !SqliteSessionStore.lineage(sql, session.id()).contains(owner.get())) {
                throw new IllegalArgumentException("around_message_id " + aroundMessageId + " is not a message of "
                        + "session " + session.id() + "; pass an id from that session's messages "
                        + "(match_message_id or an id seen in a window)");
            }
            warning = Optional.of("around_message_id " + aroundMessageId + " is in session " + owner.get()
                    + " of the same lineage; showing it there");
            session = session(sql, owner.get());
            view = Transcripts.around(sql, session.id(), aroundMessageId, window);
        }
        ObjectNode result = SearchJson.success("scroll").put("session_id", session.id())
                .put("around_message_id", aroundMessageId);
        result.set("session_meta", SearchJson.meta(session));
        result.put("window", window);
        result.set("messages", SearchJson.messages(view.messages(), aroundMessageId, FULL_CHARS));
        result.put("messages_before", view.before());
        result.put("messages_after", view.after());
        warning.ifPresent(text -> result.put("warning", text));
        return result;
    }

    static ObjectNode read(StateDatabase.Statements sql, String sessionId) throws SQLException {
        SessionRow session = session(sql, sessionId);
        int total = Transcripts.count(sql, session.id());
        boolean truncated = total > READ_HEAD + READ_TAIL;
        List<StoredMessage> messages = new ArrayList<>(Transcripts.first(sql, session.id(),
                truncated ? READ_HEAD : total));
        if (truncated) {
            messages.addAll(Transcripts.last(sql, session.id(), READ_TAIL));
        }
        ObjectNode result = SearchJson.success("read").put("session_id", session.id());
        result.set("session_meta", SearchJson.meta(session));
        result.put("message_count", total).put("truncated", truncated);
        result.set("messages", SearchJson.messages(messages, -1, FULL_CHARS));
        if (truncated) {
            int skipped = total - READ_HEAD - READ_TAIL;
            result.put("messages_skipped", skipped);
            result.put("message", "The session has " + total + " messages; showing the first " + READ_HEAD
                    + " and the last " + READ_TAIL + ", " + skipped + " skipped between them. Pass session_id with "
                    + "around_message_id (any id above) to scroll the middle.");
        }
        return result;
    }

    static ObjectNode browse(StateDatabase.Statements sql, int limit, String currentSession) throws SQLException {
        List<RecentSessions.Listed> listed = RecentSessions.list(sql, RecentSessions.Order.LAST_ACTIVE, limit,
                Optional.empty(), Discovery.HIDDEN_SOURCES, currentSession, true);
        ObjectNode result = SearchJson.success("browse");
        ArrayNode results = result.putArray("results");
        for (RecentSessions.Listed entry : listed) {
            ObjectNode node = results.addObject();
            node.put("session_id", entry.session().id());
            node.put("title", entry.session().title().orElse(null));
            node.put("source", entry.session().source());
            node.put("started_at", SearchJson.when(entry.session().startedAt()));
            node.put("last_active", SearchJson.when(entry.lastActive()));
            node.put("message_count", entry.session().messageCount());
            node.put("preview", entry.preview());
        }
        result.put("count", listed.size());
        result.put("message", "Showing the " + listed.size() + " most recently active sessions. Pass query to "
                + "search them, or session_id to read one.");
        return result;
    }

    private static SessionRow session(StateDatabase.Statements sql, String sessionId) throws SQLException {
        return Transcripts.session(sql, sessionId).orElseThrow(() -> new IllegalArgumentException(
                "session_id not found: " + sessionId + "; use a session_id from a discovery or browse result "
                        + "(call session_search without arguments to list recent sessions)"));
    }
}
