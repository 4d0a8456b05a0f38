package hermes.plugin.store.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The discovery shape of {@code session_search}: full-text hits, deduplicated by lineage (a compacted chain counts
 * once), each hydrated with a snippet, the window around the hit and the session's bookends.
 *
 * <p>Cost: a few indexed queries, never a whole session. Relevance ranking (FTS5 bm25) scores every matching row
 * before the first comes back, about 3 µs a row, so it is used when at most {@value #RANKED_MATCHES} messages match (the
 * original also looks at 300 ranked rows); a query matching more (a common word) takes the newest matches instead, and
 * says so. Measured on a million messages, bm25 costs a few milliseconds for a word in a few thousand messages and
 * 50 ms or more for a word in most of them, while among thousands of matches recency is the more useful order anyway.
 * {@code sort} newest/oldest reads the index in id order and stops as soon as enough sessions are found.
 */
final class Discovery {

    /** Sources whose sessions are not the user's conversations: integrations, subagents, board workers. */
    static final Set<String> HIDDEN_SOURCES = Set.of("kanban", "subagent", "tool");
    static final int RANKED_MATCHES = 300;
    /** How many matching rows are read at most before the sessions found so far are returned. */
    private static final int SCAN_LIMIT = 3_000;
    private static final int WINDOW = 5;
    private static final int BOOKEND = 3;

    /** The order of the hits. */
    enum Ranking { RELEVANCE, NEWEST, OLDEST, RECENT_MATCHES }

    record Request(String query, List<String> roles, int limit, Optional<Ranking> sort, String currentSession) {
    }

    /** One session found: its hit, the lineage it stands for, and what the model reads of it. */
    record Found(SessionRow session, SessionRow root, StoredMessage hit, String snippet,
                 List<StoredMessage> bookendStart, List<StoredMessage> window, List<StoredMessage> bookendEnd,
                 int messagesBefore, int messagesAfter) {
    }

    record Outcome(Ranking ranking, List<Found> found) {
    }

    private record Candidate(long messageId, String sessionId) {
    }

    private Discovery() {
    }

    static Outcome discover(StateDatabase.Statements sql, Request request) throws SQLException {
        SearchRoute route = SearchRoute.of(request.query());
        Lineages lineages = new Lineages(sql);
        Optional<String> currentRoot = lineages.rootOf(request.currentSession());
        Ranking ranking = request.sort().isPresent() ? request.sort().get() : route.unsorted(sql, RANKED_MATCHES);
        Map<String, Candidate> byLineage = new LinkedHashMap<>();
        try (ResultSet rows = route.candidates(sql, ranking, request.roles(), HIDDEN_SOURCES,
                request.currentSession())) {
            int scanned = 0;
            while (byLineage.size() < request.limit() && scanned++ < SCAN_LIMIT && rows.next()) {
                Candidate candidate = new Candidate(rows.getLong(1), rows.getString(2));
                Optional<String> root = lineages.rootOf(candidate.sessionId());
                if (root.isEmpty() || isInLiveContext(lineages, candidate.sessionId(), root.get(), currentRoot,
                        request.currentSession())) {
                    continue;
                }
                byLineage.putIfAbsent(root.get(), candidate);
            }
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, Candidate> entry : byLineage.entrySet()) {
            hydrate(sql, route, lineages, entry.getKey(), entry.getValue()).ifPresent(found::add);
        }
        return new Outcome(ranking, found);
    }

    /**
     * Whether a hit is already in the calling session's context, as the original decides it: the calling session
     * itself and its lineage are, except for a session of the lineage that ended by compression — its turns were
     * summarised away, so finding them again is the point.
     */
    private static boolean isInLiveContext(Lineages lineages, String sessionId, String root,
                                           Optional<String> currentRoot, String currentSession) throws SQLException {
        if (sessionId.equals(currentSession)) {
            return true;
        }
        if (currentRoot.isEmpty() || !currentRoot.get().equals(root)) {
            return false;
        }
        return !lineages.row(sessionId).flatMap(SessionRow::endReason).filter("compression"::equals).isPresent();
    }

    private static Optional<Found> hydrate(StateDatabase.Statements sql, SearchRoute route, Lineages lineages,
                                           String root, Candidate candidate) throws SQLException {
        Transcripts.Window around = Transcripts.around(sql, candidate.sessionId(), candidate.messageId(), WINDOW);
        if (around.messages().isEmpty()) {
            return Optional.empty();
        }
        List<StoredMessage> all = around.messages();
        StoredMessage hit = all.stream().filter(m -> m.id() == candidate.messageId()).findFirst().orElseThrow();
        // the window keeps the conversation, not tool output, around the hit; the hit itself stays whatever it is
        List<StoredMessage> window = all.stream().filter(m -> m == hit || isProse(m)).toList();
        // a window that reaches the start (or end) of the session leaves nothing before (or after) it to show
        List<StoredMessage> start = around.before() < WINDOW ? List.of()
                : Transcripts.openingBefore(sql, candidate.sessionId(), all.getFirst().id(), BOOKEND);
        List<StoredMessage> end = around.after() < WINDOW ? List.of()
                : Transcripts.closingAfter(sql, candidate.sessionId(), all.getLast().id(), BOOKEND);
        SessionRow session = lineages.row(candidate.sessionId()).orElseThrow();
        SessionRow rootRow = lineages.row(root).orElse(session);
        return Optional.of(new Found(session, rootRow, hit, route.snippet(hit), start, window, end,
                around.before(), around.after()));
    }

    private static boolean isProse(StoredMessage message) {
        return message.role().equals("user") || message.role().equals("assistant");
    }

    /** Sessions and their lineage roots, read once per discovery. */
    private static final class Lineages {
        private static final int MAX_DEPTH = 1_000;

        private final StateDatabase.Statements sql;
        private final Map<String, Optional<SessionRow>> rows = new HashMap<>();
        private final Map<String, Optional<String>> roots = new HashMap<>();

        Lineages(StateDatabase.Statements sql) {
            this.sql = sql;
        }

        Optional<SessionRow> row(String sessionId) throws SQLException {
            Optional<SessionRow> row = rows.get(sessionId);
            if (row == null) {
                row = Transcripts.session(sql, sessionId);
                rows.put(sessionId, row);
            }
            return row;
        }

        /** The oldest ancestor that is stored; empty for a session that is not. */
        Optional<String> rootOf(String sessionId) throws SQLException {
            Optional<String> cached = roots.get(sessionId);
            if (cached != null) {
                return cached;
            }
            Optional<String> root = row(sessionId).map(SessionRow::id);
            List<String> path = new ArrayList<>();
            for (int depth = 0; root.isPresent() && depth < MAX_DEPTH; depth++) {
                path.add(root.get());
                Optional<String> parent = row(root.get()).flatMap(SessionRow::parentId);
                if (parent.isEmpty() || row(parent.get()).isEmpty() || path.contains(parent.get())) {
                    break;
                }
                root = parent;
            }
            for (String member : path.isEmpty() ? Collections.singletonList(sessionId) : path) {
                roots.put(member, root);
            }
            return root;
        }
    }
}
