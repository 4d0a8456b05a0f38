package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code session_search}: recall over the conversations in {@code state.db}, with the original's four calling shapes
 * (discovery, scroll, read, browse) told apart by the arguments given. No model calls: every answer is stored
 * messages. Read-only, so it runs in parallel with other read-only calls.
 */
@Component(service = Tool.class)
public final class SessionSearchTool implements Tool {

    static final int DEFAULT_LIMIT = 3;
    static final int MAX_LIMIT = 10;
    static final int BROWSE_LIMIT = 10;
    static final int DEFAULT_WINDOW = 5;
    static final int MAX_WINDOW = 20;
    private static final List<String> DEFAULT_ROLES = List.of("user", "assistant");
    private static final Set<String> ROLES = Set.of("user", "assistant", "tool", "system");

    private static final ToolSpec SPEC = ToolSpec.of("session_search", "session_search", """
            Search and read earlier conversations kept in this Hermes home (a full-text index over every stored \
            message; no model is called, every answer is stored messages). Four ways to call it:
            1. Find: pass `query`. Returns the best matching sessions (`limit`, default 3, at most 10), one per \
            lineage, so a conversation continued after compaction counts once. Each result has session_id, title, \
            when, source, a snippet with the matches between >>> and <<<, bookend_start and bookend_end (the first \
            and last three user/assistant messages of the session), messages (five on each side of the match, the \
            match marked "anchor": true), match_message_id, and messages_before / messages_after. All words must \
            match; write OR between alternatives, "double quotes" around an exact phrase, NOT to exclude, and a \
            trailing * for a prefix. `sort`: newest or oldest instead of best match. `role_filter`: the roles to \
            search, comma-separated (default user,assistant; add tool to search tool output). When a word matches \
            very many messages, the sessions with the newest matches are returned (the result says so).
            2. Scroll: pass `session_id` and `around_message_id` to get `window` messages (default 5, 1-20) on each \
            side of that message. To page forward pass the id of the last message returned, to page back the first; \
            that message appears in both pages. messages_before or messages_after below `window` means the start or \
            end of the session.
            3. Read: pass `session_id` alone to get the session's messages (the first 20 and the last 10 when it is \
            longer; scroll for the middle).
            4. Browse: call without arguments to list recently active sessions with titles, first words and times.
            Use it when the user refers to earlier work ("what did we decide about X", "where did we leave Y", \
            "find the session where Z"). It tells what was said then, not how things are now; the current \
            conversation is not searched.""", """
            {"type":"object","properties":{\
            "query":{"type":"string","description":"words, phrases or FTS5 expressions to find (find shape); \
            leave out to browse"},\
            "limit":{"type":"integer","minimum":1,"maximum":10,"description":"find: sessions to return, default 3; \
            browse: default 10"},\
            "sort":{"type":"string","enum":["newest","oldest"],"description":"find: order by time instead of best \
            match; newest for 'where did we leave X', oldest for 'how did X start'"},\
            "role_filter":{"type":"string","description":"find: comma-separated roles to search, default \
            user,assistant; e.g. user,assistant,tool or tool"},\
            "session_id":{"type":"string","description":"the session to read or scroll, from an earlier result"},\
            "around_message_id":{"type":"integer","description":"scroll: the message id to centre on \
            (match_message_id or an id from a window); needs session_id"},\
            "window":{"type":"integer","minimum":1,"maximum":20,"description":"scroll: messages on each side, \
            default 5"}}}""");

    private final SqliteSessionStore store;

    @Activate
    public SessionSearchTool(@Reference SqliteSessionStore store) {
        this.store = store;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        try {
            Map<String, Object> arguments = call.parsedArguments();
            return ToolResult.ok(answer(arguments, context.sessionId()));
        } catch (IllegalArgumentException e) {
            return ToolResult.error(SearchJson.error(e.getMessage()));
        } catch (IOException e) {
            return ToolResult.error(SearchJson.error("the session database could not be read: " + e.getMessage()));
        }
    }

    private String answer(Map<String, Object> arguments, String currentSession) throws IOException {
        Optional<String> sessionId = text(arguments, "session_id").map(SessionSearchTool::withoutProfile);
        Optional<Long> around = whole(arguments, "around_message_id", Long.MIN_VALUE, Long.MAX_VALUE);
        if (around.isPresent() && sessionId.isEmpty()) {
            throw new IllegalArgumentException("around_message_id needs session_id: pass the session_id the message "
                    + "came with");
        }
        if (sessionId.isPresent() && around.isPresent()) {
            int window = whole(arguments, "window", 1, MAX_WINDOW).map(Long::intValue).orElse(DEFAULT_WINDOW);
            return read("scroll session " + sessionId.get(),
                    sql -> SearchShapes.scroll(sql, sessionId.get(), around.get(), window).toString());
        }
        if (sessionId.isPresent()) {
            return read("read session " + sessionId.get(), sql -> SearchShapes.read(sql, sessionId.get()).toString());
        }
        Optional<Long> limit = whole(arguments, "limit", 1, MAX_LIMIT);
        Optional<String> query = text(arguments, "query");
        if (query.isEmpty()) {
            int browse = limit.map(Long::intValue).orElse(BROWSE_LIMIT);
            return read("list recent sessions", sql -> SearchShapes.browse(sql, browse, currentSession).toString());
        }
        Discovery.Request request = new Discovery.Request(query.get(), roles(arguments), limit.map(Long::intValue)
                .orElse(DEFAULT_LIMIT), sort(arguments), currentSession);
        return read("search sessions for \"" + query.get() + "\"",
                sql -> SearchShapes.discover(sql, request).toString());
    }

    private String read(String what, StateDatabase.Work<String> work) throws IOException {
        return store.database().read(what, work);
    }

    /** A text argument, empty when missing or blank. */
    private static Optional<String> text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(name + " must be a string, not " + value);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** A whole-number argument, clamped to [min, max] as the original clamps it; text of digits is accepted. */
    private static Optional<Long> whole(Map<String, Object> arguments, String name, long min, long max) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        long number;
        if (value instanceof Long integer) {
            number = integer;
        } else if (value instanceof Double real && real == Math.rint(real)) {
            number = real.longValue();
        } else if (value instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            number = Long.parseLong(text.strip());
        } else {
            throw new IllegalArgumentException(name + " must be a whole number" + (max < Long.MAX_VALUE
                    ? " from " + min + " to " + max : "") + ", not " + value);
        }
        return Optional.of(Math.max(min, Math.min(max, number)));
    }

    private static List<String> roles(Map<String, Object> arguments) {
        Optional<String> filter = text(arguments, "role_filter");
        if (filter.isEmpty()) {
            return DEFAULT_ROLES;
        }
        List<String> roles = Arrays.stream(filter.get().split(",")).map(String::strip)
                .map(role -> role.toLowerCase(Locale.ROOT)).filter(role -> !role.isEmpty()).distinct().toList();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("role_filter has the unknown role '" + role + "'; use a "
                        + "comma-separated list of user, assistant, tool and system, e.g. user,assistant,tool");
            }
        }
        return roles.isEmpty() ? DEFAULT_ROLES : roles;
    }

    private static Optional<Discovery.Ranking> sort(Map<String, Object> arguments) {
        return text(arguments, "sort").map(sort -> switch (sort.toLowerCase(Locale.ROOT)) {
            case "newest" -> Discovery.Ranking.NEWEST;
            case "oldest" -> Discovery.Ranking.OLDEST;
            default -> throw new IllegalArgumentException("sort must be \"newest\" or \"oldest\", not \"" + sort
                    + "\"; leave it out to order by best match");
        });
    }

    /**
     * A session reference as the original's links write it, {@code @session:<profile>/<id>}, names the id after the
     * slash; this store reads only its own profile.
     */
    private static String withoutProfile(String sessionId) {
        String id = sessionId.startsWith("@session:") ? sessionId.substring("@session:".length()) : sessionId;
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
