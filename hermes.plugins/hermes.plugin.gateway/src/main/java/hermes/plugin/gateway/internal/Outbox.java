package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import hermes.api.Channel;

/**
 * Every reply the gateway sends, kept in {@code $HERMES_HOME/hermes-jvm.db} (table {@code gateway_outbox}; the file is
 * ours and shared with other bundles' tables, {@code state.db} stays the original's) from before it is handed to the
 * platform until the platform confirmed it. WAL and a busy timeout, because other processes on the same home use the
 * file too; each change is one statement, so one transaction.
 *
 * <p>Row ids grow monotonically ({@code AUTOINCREMENT}), so id order is the order replies were written. A row is done
 * when it was sent, or when its platform refused it for good ({@code failed_at}, with the reason in
 * {@code last_error}); done rows are kept 30 days for diagnosis, then removed when the outbox opens.
 *
 * <p>A final answer whose text was streamed into a preview message carries that message's id ({@code edit_of}): its
 * delivery edits the preview instead of sending a new message.
 *
 * <p>Threading: any thread; one connection behind a lock.
 */
final class Outbox implements AutoCloseable {

    /**
     * One stored reply.
     *
     * @param editOf the platform id of the preview message this reply's text replaces, if it was streamed
     */
    record Row(long id, String platform, Channel.Outbound message, Optional<String> editOf, Instant created,
               int attempts, Optional<String> lastError) {
    }

    /** A chat on a platform: the unit of ordered delivery. */
    record ChatAddress(String platform, String chat) {
    }

    private static final int BUSY_TIMEOUT_MILLIS = 5000;
    private static final Duration KEEP_SENT = Duration.ofDays(30);
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS gateway_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                platform TEXT NOT NULL,
                chat TEXT NOT NULL,
                thread TEXT,
                reply_to TEXT,
                text TEXT NOT NULL,
                attachments TEXT NOT NULL,
                created REAL NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                sent_at REAL,
                platform_message_id TEXT,
                edit_of TEXT,
                failed_at REAL)""", """
            CREATE INDEX IF NOT EXISTS gateway_outbox_unsent ON gateway_outbox (platform, chat, id)
                WHERE sent_at IS NULL""");
    /** Columns added after the first release, with their types: an older table gets them when the outbox opens. */
    private static final Map<String, String> ADDED_COLUMNS = Map.of("edit_of", "TEXT", "failed_at", "REAL");
    private static final String COLUMNS = "id, platform, chat, thread, reply_to, text, attachments, edit_of, created,"
            + " attempts, last_error";
    private static final String PENDING = "sent_at IS NULL AND failed_at IS NULL";

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Outbox(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (and creates) the outbox in {@code file}, removing rows sent more than 30 days before {@code now}. */
    static Outbox open(Path file, Instant now) throws IOException {
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
                addMissingColumns(statement);
                try (PreparedStatement prune = connection.prepareStatement("DELETE FROM gateway_outbox WHERE"
                        + " COALESCE(sent_at, failed_at) < ?")) {
                    prune.setDouble(1, seconds(now.minus(KEEP_SENT)));
                    prune.executeUpdate();
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new Outbox(file, connection);
        } catch (SQLException e) {
            throw new IOException("cannot open the gateway outbox in " + file + ": " + e.getMessage()
                    + "; check that the file is writable and not damaged", e);
        }
    }

    /** Stores a reply to send as a new message; returns its id. */
    long add(String platform, Channel.Outbound message, Instant created) throws IOException {
        return add(platform, message, Optional.empty(), created);
    }

    /** Stores a reply, to be delivered by editing the preview message {@code editOf} when present; returns its id. */
    long add(String platform, Channel.Outbound message, Optional<String> editOf, Instant created) throws IOException {
        return withConnection("store a reply", () -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gateway_outbox (platform, chat,"
                    + " thread, reply_to, text, attachments, created, edit_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, platform);
                insert.setString(2, message.chatId());
                insert.setString(3, message.threadId().orElse(null));
                insert.setString(4, message.replyTo().orElse(null));
                insert.setString(5, message.text());
                insert.setString(6, Attachments.toJson(message.attachments()));
                insert.setDouble(7, seconds(created));
                insert.setString(8, editOf.orElse(null));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The unsent replies of one chat, oldest first. */
    List<Row> unsent(ChatAddress chat) throws IOException {
        return withConnection("read unsent replies", () -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM gateway_outbox"
                    + " WHERE " + PENDING + " AND platform = ? AND chat = ? ORDER BY id")) {
                query.setString(1, chat.platform());
                query.setString(2, chat.chat());
                List<Row> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(row(result));
                    }
                }
                return rows;
            }
        });
    }

    /** Every chat with unsent replies, in the order of their oldest reply. */
    List<ChatAddress> chatsWithUnsent() throws IOException {
        return withConnection("list chats with unsent replies", () -> {
            try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(
                    "SELECT platform, chat FROM gateway_outbox WHERE " + PENDING + " GROUP BY platform, chat"
                            + " ORDER BY MIN(id)")) {
                List<ChatAddress> chats = new ArrayList<>();
                while (result.next()) {
                    chats.add(new ChatAddress(result.getString(1), result.getString(2)));
                }
                return chats;
            }
        });
    }

    int unsentCount() throws IOException {
        return count("count unsent replies", PENDING);
    }

    /** Replies their platform refused for good in the last 30 days. */
    int refusedCount() throws IOException {
        return count("count refused replies", "failed_at IS NOT NULL");
    }

    /** Records that the platform confirmed reply {@code id} as {@code platformMessageId}. */
    void markSent(long id, String platformMessageId, Instant at) throws IOException {
        withConnection("mark a reply sent", () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE gateway_outbox SET sent_at = ?,"
                    + " platform_message_id = ?, attempts = attempts + 1 WHERE id = ?")) {
                update.setDouble(1, seconds(at));
                update.setString(2, platformMessageId);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    /** Records a failed attempt to send reply {@code id}. */
    void recordFailure(long id, String error) throws IOException {
        withConnection("record a failed send", () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE gateway_outbox SET attempts ="
                    + " attempts + 1, last_error = ? WHERE id = ?")) {
                update.setString(1, error);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    /** Records that the platform refused reply {@code id} for good: it is never tried again. */
    void markRefused(long id, String reason, Instant at) throws IOException {
        withConnection("mark a reply refused", () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE gateway_outbox SET failed_at = ?,"
                    + " last_error = ?, attempts = attempts + 1 WHERE id = ?")) {
                update.setDouble(1, seconds(at));
                update.setString(2, reason);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(Outbox.class.getName()).log(System.Logger.Level.DEBUG, "closing " + file, e);
        } finally {
            lock.unlock();
        }
    }

    private static Row row(ResultSet result) throws SQLException, IOException {
        Channel.Outbound message = new Channel.Outbound(result.getString("chat"),
                Optional.ofNullable(result.getString("thread")), Optional.ofNullable(result.getString("reply_to")),
                result.getString("text"), Attachments.fromJson(result.getString("attachments")));
        double created = result.getDouble("created");
        return new Row(result.getLong("id"), result.getString("platform"), message,
                Optional.ofNullable(result.getString("edit_of")), Instant.ofEpochMilli(Math.round(created * 1000)),
                result.getInt("attempts"),
                Optional.ofNullable(result.getString("last_error")));
    }

    private static void addMissingColumns(Statement statement) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet columns = statement.executeQuery("SELECT name FROM pragma_table_info('gateway_outbox')")) {
            while (columns.next()) {
                present.add(columns.getString(1));
            }
        }
        for (Map.Entry<String, String> column : new TreeMap<>(ADDED_COLUMNS).entrySet()) {
            if (!present.contains(column.getKey())) {
                statement.execute("ALTER TABLE gateway_outbox ADD COLUMN " + column.getKey() + " " + column.getValue());
            }
        }
    }

    private int count(String what, String condition) throws IOException {
        return withConnection(what, () -> {
            try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(
                    "SELECT COUNT(*) FROM gateway_outbox WHERE " + condition)) {
                return result.next() ? result.getInt(1) : 0;
            }
        });
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, IOException;
    }

    private <T> T withConnection(String what, SqlWork<T> work) throws IOException {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IOException("cannot " + what + " in the gateway outbox " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
