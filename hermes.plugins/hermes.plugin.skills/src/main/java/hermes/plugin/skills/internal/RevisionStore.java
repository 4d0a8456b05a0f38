package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

import hermes.lib.textpatch.UnifiedDiff;

/**
 * Skill revisions and view counts in {@code $HERMES_HOME/hermes-jvm.db} (tables {@code skill_revisions} and
 * {@code skill_usage}; the file is ours, {@code state.db} stays the original's). WAL, a busy timeout for other
 * processes on the same home, and one {@code BEGIN IMMEDIATE} transaction per change.
 *
 * <p>A change is recorded together with the file write it describes: the write runs inside the transaction, so a
 * failed write leaves no revision and a failed insert leaves the file untouched. Before the first recorded change of a
 * file, and whenever the file on disk is not what the last revision says (edited by hand), the content found is kept
 * first as a {@code baseline} or {@code outside-edit} revision, so history never loses a version.
 *
 * <p>Threading: any thread; one connection behind a lock.
 */
final class RevisionStore implements AutoCloseable {

    /** The file write a revision describes. */
    @FunctionalInterface
    interface FileWork {
        void run() throws IOException;
    }

    private static final int BUSY_TIMEOUT_MILLIS = 5000;
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS skill_revisions (
                skill TEXT NOT NULL,
                number INTEGER NOT NULL,
                file TEXT NOT NULL,
                action TEXT NOT NULL,
                author TEXT NOT NULL,
                reason TEXT,
                created_at REAL NOT NULL,
                directory TEXT NOT NULL,
                content TEXT,
                diff TEXT NOT NULL,
                lines_added INTEGER NOT NULL,
                lines_removed INTEGER NOT NULL,
                PRIMARY KEY (skill, number))""", """
            CREATE TABLE IF NOT EXISTS skill_usage (
                skill TEXT PRIMARY KEY,
                views INTEGER NOT NULL,
                last_viewed_at REAL NOT NULL)""");
    private static final String COLUMNS = "skill, number, file, action, author, reason, created_at, directory, content,"
            + " diff, lines_added, lines_removed";

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private RevisionStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static RevisionStore open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Properties properties = new Properties();
            properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
            // DriverManager does not see drivers inside OSGi bundles, so the driver is instantiated directly
            Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new RevisionStore(file, connection);
        } catch (SQLException e) {
            throw new IOException("cannot open the skill revisions in " + file + ": " + e.getMessage()
                    + "; check that the file is writable and not damaged", e);
        }
    }

    /**
     * Records {@code change} and runs {@code work} (the write it describes) in one transaction.
     *
     * @return the number of the new revision
     * @throws IOException when the write or the database fails; then neither happened
     */
    int record(Revision.Change change, FileWork work) throws IOException {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                Optional<Revision> latest = latest(change.skill(), change.file());
                Optional<String> known = latest.flatMap(Revision::content);
                int number = nextNumber(change.skill());
                if (latest.isEmpty() && change.before().isPresent()) {
                    insert(change, number++, "baseline", "unknown", Optional.of("the content before the first"
                            + " recorded change"), Optional.empty(), change.before());
                } else if (latest.isPresent() && !known.equals(change.before())) {
                    insert(change, number++, "outside-edit", "unknown", Optional.of("changed on disk outside"
                            + " Hermes"), known, change.before());
                }
                insert(change, number, change.action(), change.author(), change.reason(), change.before(),
                        change.after());
                work.run();
                statement.execute("COMMIT");
                return number;
            } catch (IOException | SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record a revision of " + change.skill(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Every revision of a skill, oldest first. */
    List<Revision> history(String skill) throws IOException {
        return query("SELECT " + COLUMNS + " FROM skill_revisions WHERE skill = ? ORDER BY number", skill);
    }

    Optional<Revision> find(String skill, int number) throws IOException {
        return history(skill).stream().filter(revision -> revision.number() == number).findFirst();
    }

    /** Counts one skill_view of a skill. */
    void countView(String skill) throws IOException {
        lock.lock();
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO skill_usage (skill, views,"
                + " last_viewed_at) VALUES (?, 1, ?) ON CONFLICT(skill) DO UPDATE SET views = views + 1,"
                + " last_viewed_at = excluded.last_viewed_at")) {
            upsert.setString(1, skill);
            upsert.setDouble(2, Instant.now().toEpochMilli() / 1000.0);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("count a view of " + skill, e);
        } finally {
            lock.unlock();
        }
    }

    long views(String skill) throws IOException {
        lock.lock();
        try (PreparedStatement select = connection.prepareStatement("SELECT views FROM skill_usage WHERE skill = ?")) {
            select.setString(1, skill);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read the views of " + skill, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(RevisionStore.class.getName()).log(System.Logger.Level.WARNING,
                    "closing " + file + " failed: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private Optional<Revision> latest(String skill, String file) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM skill_revisions"
                + " WHERE skill = ? AND file = ? ORDER BY number DESC LIMIT 1")) {
            select.setString(1, skill);
            select.setString(2, file);
            List<Revision> rows = read(select);
            return rows.stream().findFirst();
        }
    }

    private int nextNumber(String skill) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM skill_revisions WHERE skill = ?")) {
            select.setString(1, skill);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private void insert(Revision.Change change, int number, String action, String author, Optional<String> reason,
                        Optional<String> previous, Optional<String> content) throws SQLException {
        String diff = UnifiedDiff.of(change.file(), previous.orElse(""), content.orElse(""));
        int added = 0;
        int removed = 0;
        for (String line : diff.split("\n")) {
            if (line.startsWith("+") && !line.startsWith("+++ ")) {
                added++;
            } else if (line.startsWith("-") && !line.startsWith("--- ")) {
                removed++;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO skill_revisions (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, change.skill());
            insert.setInt(2, number);
            insert.setString(3, change.file());
            insert.setString(4, action);
            insert.setString(5, author);
            insert.setString(6, reason.orElse(null));
            insert.setDouble(7, Instant.now().toEpochMilli() / 1000.0);
            insert.setString(8, change.directory().toString());
            insert.setString(9, content.orElse(null));
            insert.setString(10, diff);
            insert.setInt(11, added);
            insert.setInt(12, removed);
            insert.executeUpdate();
        }
    }

    private List<Revision> query(String sql, String skill) throws IOException {
        lock.lock();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, skill);
            return read(select);
        } catch (SQLException e) {
            throw failure("read the revisions of " + skill, e);
        } finally {
            lock.unlock();
        }
    }

    private static List<Revision> read(PreparedStatement select) throws SQLException {
        List<Revision> revisions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                revisions.add(new Revision(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), Optional.ofNullable(rows.getString(6)),
                        Instant.ofEpochMilli(Math.round(rows.getDouble(7) * 1000)), Path.of(rows.getString(8)),
                        Optional.ofNullable(rows.getString(9)), rows.getString(10), rows.getInt(11),
                        rows.getInt(12)));
            }
        }
        return revisions;
    }

    private IOException failure(String what, SQLException e) {
        return new IOException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }
}
