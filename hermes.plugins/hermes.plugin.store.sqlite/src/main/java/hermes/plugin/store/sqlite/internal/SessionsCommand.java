package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;
import hermes.api.Session;

/**
 * {@code /sessions} and {@code hermes sessions}: list, show, export, rename, delete and prune the conversations in
 * {@code state.db}. Deleting asks for {@code --yes} first and says what it would take.
 */
@Component(service = Command.class)
public final class SessionsCommand implements Command {

    static final int DEFAULT_LIMIT = 20;
    private static final double SECONDS_PER_DAY = 86_400;
    private static final String USAGE = "sessions [list [--limit N] [--source S] | show <id|title> | "
            + "export <id|title|all> [FILE] | rename <id|title> <new title> | delete <id|title> [--yes] | "
            + "prune --older-than DAYS [--source S] [--yes]]";

    private final SqliteSessionStore store;

    @Activate
    public SessionsCommand(@Reference SqliteSessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String description() {
        return "list, show, export, rename, delete or prune stored sessions: " + USAGE;
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        CommandLine line = CommandLine.parse(arguments, Set.of("limit", "source", "older-than"), Set.of("yes"), USAGE);
        List<String> words = line.words();
        String action = words.isEmpty() ? "list" : words.getFirst();
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        String current = context.session().map(Session::id).orElse("");
        context.reply(switch (action) {
            case "list" -> list(line);
            case "show" -> show(joined(rest, "show <id|title>"));
            case "export" -> export(rest);
            case "rename" -> rename(rest);
            case "delete" -> delete(joined(rest, "delete <id|title> [--yes]"), line.flag("yes"), current);
            case "prune" -> prune(line, current);
            default -> throw new IllegalArgumentException("unknown action '" + action + "'; usage: " + USAGE);
        });
    }

    private String list(CommandLine line) throws IOException {
        int limit = line.number("limit", 1, USAGE).orElse(DEFAULT_LIMIT);
        Optional<String> source = line.option("source");
        List<RecentSessions.Listed> listed = store.database().read("list sessions", sql -> RecentSessions.list(sql,
                RecentSessions.Order.STARTED, limit, source, Discovery.HIDDEN_SOURCES, "", false));
        if (listed.isEmpty()) {
            return source.map(s -> "No sessions from source " + s + ".").orElse("No sessions yet.");
        }
        return SessionText.table(listed);
    }

    private String show(String idOrTitle) throws IOException {
        SessionRow session = resolve(idOrTitle);
        return store.database().read("show session " + session.id(), sql -> SessionText.transcript(session,
                SqliteSessionStore.lineage(sql, session.id()), Transcripts.first(sql, session.id(),
                        Integer.MAX_VALUE)));
    }

    private String export(List<String> rest) throws IOException {
        if (rest.isEmpty() || rest.size() > 2) {
            throw new IllegalArgumentException("export needs what to export and at most a file; usage: export "
                    + "<id|title|all> [FILE] (quote a title with spaces)");
        }
        List<String> ids = rest.getFirst().equals("all")
                ? store.database().read("list sessions to export", SessionsCommand::allIds)
                : List.of(resolve(rest.getFirst()).id());
        if (rest.size() == 1) {
            StringWriter out = new StringWriter();
            store.database().read("export sessions", sql -> SessionExport.write(sql, ids, out));
            return out.toString().stripTrailing();
        }
        Path file = Path.of(rest.get(1).replaceFirst("^~(?=/|$)", System.getProperty("user.home")))
                .toAbsolutePath();
        long messages = writeAtomically(file, out -> store.database().read("export sessions",
                sql -> SessionExport.write(sql, ids, out)));
        return "Exported " + ids.size() + (ids.size() == 1 ? " session" : " sessions") + " (" + messages
                + " messages) to " + file;
    }

    private String rename(List<String> rest) throws IOException {
        if (rest.size() < 2) {
            throw new IllegalArgumentException("rename needs a session and the new title; usage: rename <id|title> "
                    + "<new title> (quote an old title with spaces)");
        }
        SessionRow session = resolve(rest.getFirst());
        String title = String.join(" ", rest.subList(1, rest.size()));
        store.rename(session.id(), title);
        Optional<String> stored = store.find(session.id()).flatMap(record -> record.title());
        return stored.map(t -> "Session " + session.id() + " is now \"" + t + "\".")
                .orElse("Session " + session.id() + " has no title now.");
    }

    private String delete(String idOrTitle, boolean confirmed, String current) throws IOException {
        SessionRow session = resolve(idOrTitle);
        if (session.id().equals(current)) {
            throw new IllegalArgumentException("session " + session.id() + " is the one open here; start another "
                    + "session (/new) and delete it from there");
        }
        SessionDeletion.Plan plan = store.database().read("plan deleting session " + session.id(),
                sql -> SessionDeletion.plan(sql, List.of(session)));
        String what = "session " + session.id() + session.title().map(t -> " \"" + t + "\"").orElse("") + " ("
                + plan.messages() + " messages)" + detached(plan);
        if (!confirmed) {
            return "Would delete " + what + ". Run `sessions delete " + session.id() + " --yes` to delete it.";
        }
        store.database().write("delete session " + session.id(),
                sql -> SessionDeletion.delete(sql, List.of(session.id())));
        return "Deleted " + what + ".";
    }

    private String prune(CommandLine line, String current) throws IOException {
        String usage = "prune --older-than DAYS [--source S] [--yes]";
        int days = line.number("older-than", 0, usage).orElseThrow(() -> new IllegalArgumentException(
                "prune needs --older-than DAYS (ended sessions that started more than DAYS days ago); usage: "
                        + usage));
        Optional<String> source = line.option("source");
        double cutoff = MessageWrites.epochSeconds(Instant.now()) - days * SECONDS_PER_DAY;
        SessionDeletion.Plan plan = store.database().read("plan pruning sessions",
                sql -> SessionDeletion.plan(sql, SessionDeletion.prunable(sql, cutoff, source, current)));
        String scope = "ended sessions older than " + days + (days == 1 ? " day" : " days")
                + source.map(s -> " from " + s).orElse("");
        if (plan.sessions().isEmpty()) {
            return "No " + scope + ".";
        }
        String what = plan.sessions().size() + " " + scope + " (" + plan.messages() + " messages)" + detached(plan);
        if (!line.flag("yes")) {
            return "Would delete " + what + ". Run `sessions prune --older-than " + days
                    + source.map(s -> " --source " + s).orElse("") + " --yes` to delete them.";
        }
        List<String> ids = plan.sessions().stream().map(SessionRow::id).toList();
        store.database().write("prune sessions", sql -> SessionDeletion.delete(sql, ids));
        return "Deleted " + what + ".";
    }

    private SessionRow resolve(String idOrTitle) throws IOException {
        Optional<String> id = store.resolve(idOrTitle).map(record -> record.id());
        if (id.isEmpty()) {
            throw new IllegalArgumentException("no session has the id or title '" + idOrTitle
                    + "'; `sessions list` shows ids and titles");
        }
        return store.database().read("read session " + id.get(), sql -> Transcripts.session(sql, id.get()))
                .orElseThrow(() -> new IllegalArgumentException("session " + id.get() + " was just deleted"));
    }

    private static String joined(List<String> words, String usage) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("which session? usage: " + usage);
        }
        return String.join(" ", words);
    }

    private static String detached(SessionDeletion.Plan plan) {
        return plan.detachedChildren().isEmpty() ? "" : "; " + String.join(", ", plan.detachedChildren())
                + (plan.detachedChildren().size() == 1 ? " continues it and stays" : " continue it and stay")
                + ", without a parent";
    }

    private static List<String> allIds(StateDatabase.Statements sql) throws java.sql.SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (java.sql.ResultSet rows = sql.prepared("SELECT id FROM sessions ORDER BY started_at, id")
                .executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Writes to a temporary file beside {@code file}, then renames it into place: never a half-written export. */
    private static long writeAtomically(Path file, ExportWriter writer) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            long messages;
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                messages = writer.write(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return messages;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @FunctionalInterface
    private interface ExportWriter {
        long write(Writer out) throws IOException;
    }
}
