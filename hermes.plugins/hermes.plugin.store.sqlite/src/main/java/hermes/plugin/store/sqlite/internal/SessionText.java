package hermes.plugin.store.sqlite.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Usage;

/** How {@code hermes sessions} prints sessions for a person: the listing table and one session's transcript. */
final class SessionText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int TITLE_WIDTH = 32;
    private static final int MODEL_WIDTH = 24;
    /** A transcript line longer than this is cut: show is for reading, export keeps everything. */
    private static final int MESSAGE_CHARS = 2_000;

    private SessionText() {
    }

    static String time(double epochSeconds) {
        return TIME.format(MessageWrites.instant(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    /**
     * The listing as a table, newest first; a session whose parent is listed too stands under it, indented with
     * {@code └}, so a compacted or branched conversation reads as one.
     */
    static String table(List<RecentSessions.Listed> listed) {
        Map<String, RecentSessions.Listed> byId = new HashMap<>();
        listed.forEach(entry -> byId.put(entry.session().id(), entry));
        Map<String, List<RecentSessions.Listed>> children = new HashMap<>();
        List<RecentSessions.Listed> roots = new ArrayList<>();
        for (RecentSessions.Listed entry : listed) {
            String parent = entry.session().parentId().filter(byId::containsKey).orElse(null);
            if (parent == null) {
                roots.add(entry);
            } else {
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(entry);
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "TITLE", "SOURCE", "MODEL", "MSGS", "STARTED", "LAST ACTIVE"});
        Set<String> shown = new HashSet<>();
        for (RecentSessions.Listed root : roots) {
            addRows(rows, root, 0, children, shown);
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                boolean last = column == row.length - 1;
                table.append(last ? row[column] : String.format("%-" + widths[column] + "s  ", row[column]));
            }
            table.append('\n');
        }
        return table.append(listed.size()).append(listed.size() == 1 ? " session" : " sessions").toString();
    }

    private static void addRows(List<String[]> rows, RecentSessions.Listed entry, int depth,
                                Map<String, List<RecentSessions.Listed>> children, Set<String> shown) {
        if (!shown.add(entry.session().id())) {
            return;
        }
        SessionRow session = entry.session();
        String id = depth == 0 ? session.id() : "  ".repeat(depth - 1) + "└ " + session.id();
        rows.add(new String[] {id, cut(session.title().orElse("—"), TITLE_WIDTH), session.source(),
                cut(session.model().orElse(""), MODEL_WIDTH), Long.toString(session.messageCount()),
                time(session.startedAt()), time(entry.lastActive())});
        List<RecentSessions.Listed> below = new ArrayList<>(children.getOrDefault(session.id(), List.of()));
        below.sort(Comparator.comparingDouble(child -> child.session().startedAt()));
        for (RecentSessions.Listed child : below) {
            addRows(rows, child, depth + 1, children, shown);
        }
    }

    /** The session's metadata, its lineage, then every live message as "[role] text". */
    static String transcript(SessionRow session, List<String> lineage, List<StoredMessage> messages) {
        StringBuilder text = new StringBuilder("Session ").append(session.id());
        session.title().ifPresent(title -> text.append("  \"").append(title).append('"'));
        text.append("\n  source ").append(session.source()).append(" · model ").append(session.model().orElse("?"));
        text.append("\n  started ").append(time(session.startedAt()));
        session.endedAt().ifPresent(ended -> text.append(" · ended ").append(time(ended))
                .append(session.endReason().map(reason -> " (" + reason + ")").orElse("")));
        Usage usage = session.usage();
        text.append("\n  messages ").append(session.messageCount()).append(" · tool calls ")
                .append(session.toolCallCount()).append(" · API calls ").append(session.apiCallCount());
        text.append("\n  tokens in ").append(usage.inputTokens()).append(" · out ").append(usage.outputTokens())
                .append(" · cache read ").append(usage.cacheReadTokens()).append(" · cache write ")
                .append(usage.cacheWriteTokens()).append(" · reasoning ").append(usage.reasoningTokens());
        if (lineage.size() > 1) {
            text.append("\n  lineage ").append(String.join(" → ", lineage.stream()
                    .map(id -> id.equals(session.id()) ? id + " (this)" : id).toList()));
        }
        text.append("\n");
        for (StoredMessage message : messages) {
            text.append('\n').append('[').append(message.role())
                    .append(message.toolName().map(name -> " " + name).orElse("")).append("] ")
                    .append(cut(message.text(), MESSAGE_CHARS));
            message.toolCalls().ifPresent(calls -> appendCalls(text, calls));
        }
        return text.toString();
    }

    private static void appendCalls(StringBuilder text, String calls) {
        try {
            for (JsonNode call : SearchJson.JSON.readTree(calls)) {
                JsonNode function = call.path("function");
                text.append("\n  → ").append(function.path("name").asText()).append(' ')
                        .append(cut(function.path("arguments").asText(), MESSAGE_CHARS));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text.append("\n  → ").append(cut(calls, MESSAGE_CHARS));
        }
    }

    private static String cut(String text, int max) {
        String line = text.strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
