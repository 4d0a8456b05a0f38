package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;


/**
 * The open {@code state.db}: one connection for writes, one for reads, each behind its own lock. WAL lets the reader
 * run while the writer (here or in another process: the original's CLI or gateway) commits.
 *
 * <p>Writes go through {@link GroupCommit}: concurrent writers share transactions, with the original's contention rules
 * (a 1 s SQLite busy timeout, {@code BEGIN IMMEDIATE}, jittered retries).
 */
final class StateDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StateDatabase.class.getName());
    private static final int BUSY_TIMEOUT_MILLIS = 1000;
    /** Negative: KiB rather than pages (SQLite's convention), 32 MB per connection. */
    private static final int CACHE_KIB = -32 * 1024;

    /** Work done on one connection: inside a write transaction, or as one read. */
    @FunctionalInterface
    interface Work<T> {
        T run(Statements sql) throws SQLException;
    }

    /**
     * A connection with the statements it keeps prepared: a search runs a dozen statements in about a millisecond,
     * and preparing each anew would be a good part of that. Only for SQL text from a small fixed set (the search
     * routes vary the table and the number of roles, never data); anything else is prepared on {@link #connection()}
     * and closed by its user. Used under its connection's lock only.
     */
    static final class Statements implements AutoCloseable {
        private static final int CAPACITY = 64;

        private final Connection connection;
        private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= CAPACITY) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        Statements(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        /** The statement for {@code sqlText}, prepared once; parameters are cleared. Do not close it. */
        PreparedStatement prepared(String sqlText) throws SQLException {
            PreparedStatement statement = cache.get(sqlText);
            if (statement == null) {
                statement = connection.prepareStatement(sqlText);
                cache.put(sqlText, statement);
            } else {
                statement.clearParameters();
            }
            return statement;
        }

        @Override
        public void close() throws SQLException {
            cache.values().forEach(Statements::closeQuietly);
            cache.clear();
            connection.close();
        }

        private static void closeQuietly(PreparedStatement statement) {
            try {
                statement.close();
            } catch (SQLException alreadyUnusable) {
                // the connection is closing or broken; nothing else holds the statement
            }
        }
    }

    private final Path file;
    private final Statements writer;
    private final Statements reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final GroupCommit groupCommit;

    private StateDatabase(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = new Statements(writer);
        this.reader = new Statements(reader);
        this.groupCommit = new GroupCommit(file, this.writer, writeLock);
    }

    /** Opens {@code file}, creating it with the original's schema when it does not exist or holds no tables. */
    static StateDatabase open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection writer = connect(file);
            try {
                createSchemaIfEmpty(writer, file);
                return new StateDatabase(file, writer, connect(file));
            } catch (SQLException | IOException | RuntimeException e) {
                writer.close();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(file, "open", e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} in a write transaction, possibly together with the work of concurrent callers (see
     * {@link GroupCommit}); returns once it is committed.
     */
    <T> T write(String what, Work<T> work) throws IOException {
        return groupCommit.write(what, work);
    }

    /** How many write transactions have committed since the database was opened. */
    long commits() {
        return groupCommit.commits();
    }

    /** Runs {@code work} on the read connection (autocommit: each statement sees the latest commit). */
    <T> T read(String what, Work<T> work) throws IOException {
        readLock.lock();
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw failure(file, what, e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        readLock.lock();
        try (reader; writer) {
            // closing both releases the WAL; SQLite checkpoints on the last close
        } catch (SQLException e) {
            throw failure(file, "close", e);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
        // DriverManager does not see drivers inside OSGi bundles, so the driver is instantiated directly
        Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        if (connection == null) {
            throw new SQLException("sqlite-jdbc refused the URL for " + file);
        }
        try (Statement pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA journal_mode=WAL");
            pragmas.execute("PRAGMA foreign_keys=ON");
            // per connection, not stored in the file: the default 2 MB cache re-reads index pages of a large
            // history through the OS on every search; durability (synchronous) stays at the library default, FULL
            pragmas.execute("PRAGMA cache_size=" + CACHE_KIB);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void createSchemaIfEmpty(Connection connection, Path file) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                if (tableCount(statement) == 0) {
                    for (String ddl : Schema.STATEMENTS) {
                        statement.execute(ddl);
                    }
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + Schema.VERSION + ")");
                } else {
                    checkVersion(statement, file);
                }
                statement.execute("COMMIT");
            } catch (SQLException | IOException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static int tableCount(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** An existing database is used as it is; only one without the original's tables is refused. */
    private static void checkVersion(Statement statement, Path file) throws SQLException, IOException {
        try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name IN ('sessions', 'messages', 'messages_fts', 'messages_fts_trigram', 'schema_version')")) {
            if (!tables.next() || tables.getInt(1) < 5) {
                throw new IOException(file + " is not a Hermes state database (the sessions, messages, FTS or "
                        + "schema_version tables are missing); move it aside and a fresh one will be created");
            }
        }
        try (ResultSet version = statement.executeQuery("SELECT max(version) FROM schema_version")) {
            int found = version.next() ? version.getInt(1) : 0;
            if (found != Schema.VERSION) {
                LOG.log(System.Logger.Level.WARNING, "{0} has schema version {1}, this store was written for {2}; "
                        + "it is used unchanged (let the original Hermes migrate it if columns are missing)",
                        file, found, Schema.VERSION);
            }
        }
    }

    /** Binds an optional text: empty as SQL NULL. */
    static void setOptional(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static IOException failure(Path file, String what, SQLException e) {
        return new IOException("could not " + what + " in " + file + ": " + e.getMessage(), e);
    }
}
