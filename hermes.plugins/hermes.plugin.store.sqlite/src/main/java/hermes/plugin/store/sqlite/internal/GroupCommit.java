package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The write path of {@code state.db}: writes of concurrent callers share one transaction (group commit). A caller
 * queues its work and takes the write lock; whoever holds the lock runs every queued work in one {@code BEGIN
 * IMMEDIATE} transaction, each inside a savepoint of its own, and commits once. Every caller still returns only after
 * the commit that holds its work, with {@code synchronous=FULL}, so nothing acknowledged is lost; but a gateway with a
 * thousand busy chats pays one WAL sync and one round of FTS page writes per batch instead of per turn.
 *
 * <p>A work that fails is rolled back to its savepoint and only its caller sees the error. Busy or locked (another
 * process writing) retries the whole batch with the original's rules: a 1 s SQLite busy timeout, then up to 15
 * retries after 20–150 ms of random jitter. A PASSIVE WAL checkpoint every 50 commits keeps the WAL file short.
 */
final class GroupCommit {

    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());
    private static final int WRITE_RETRIES = 15;
    private static final int JITTER_MIN_MILLIS = 20;
    private static final int JITTER_MAX_MILLIS = 150;
    private static final int COMMITS_PER_CHECKPOINT = 50;
    /** Bounds one transaction: the WAL and the time the others wait for the lock stay small. */
    private static final int MAX_BATCH = 256;

    /** A queued work, and what came of it; the fields are written and read under the write lock. */
    private static final class Queued<T> {
        final String what;
        final StateDatabase.Work<T> work;
        T result;
        Exception failure;
        boolean done;

        Queued(String what, StateDatabase.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        T outcome() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            return result;
        }
    }

    /** The transaction was aborted by SQLite itself while a work failed: that work cannot be rolled back alone. */
    private static final class Aborted extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Queued<?> culprit;

        Aborted(Queued<?> culprit, SQLException cause) {
            super(cause);
            this.culprit = culprit;
        }
    }

    private final Path file;
    private final StateDatabase.Statements writer;
    private final ReentrantLock lock;
    private final Queue<Queued<?>> queue = new ConcurrentLinkedQueue<>();
    private int commitsSinceCheckpoint;
    /** Read without the lock (by tests and diagnostics while a commit runs). */
    private volatile long commits;

    /**
     * @param lock the lock that guards {@code writer}; {@link StateDatabase#close()} takes it too
     */
    GroupCommit(Path file, StateDatabase.Statements writer, ReentrantLock lock) {
        this.file = file;
        this.writer = writer;
        this.lock = lock;
    }

    /** Runs {@code work} in a write transaction (possibly shared with other callers'); returns once committed. */
    <T> T write(String what, StateDatabase.Work<T> work) throws IOException {
        Queued<T> mine = new Queued<>(what, work);
        queue.add(mine);
        lock.lock();
        try {
            while (!mine.done) {
                commitNextBatch();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** How many transactions have committed so far (each holding one or more writes). */
    long commits() {
        return commits;
    }

    private void commitNextBatch() {
        List<Queued<?>> batch = new ArrayList<>();
        for (Queued<?> next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        int attempt = 0;
        while (!batch.isEmpty()) {
            try {
                runInTransaction(batch);
                commits++;
                batch.forEach(queued -> queued.done = true);
                checkpointNowAndThen();
                return;
            } catch (Aborted aborted) {
                rollbackQuietly();
                aborted.culprit.failure = failure(aborted.culprit.what, (SQLException) aborted.getCause());
                aborted.culprit.done = true;
                batch.remove(aborted.culprit);
            } catch (SQLException e) {
                rollbackQuietly();
                if (!isBusy(e) || attempt++ >= WRITE_RETRIES) {
                    failAll(batch, e);
                    return;
                }
                try {
                    sleepJitter();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failAll(batch, e);
                    return;
                }
            }
        }
    }

    private void runInTransaction(List<Queued<?>> batch) throws SQLException, Aborted {
        writer.prepared("BEGIN IMMEDIATE").execute();
        for (Queued<?> queued : batch) {
            run(queued);
        }
        writer.prepared("COMMIT").execute();
    }

    private <T> void run(Queued<T> queued) throws SQLException, Aborted {
        queued.failure = null;
        writer.prepared("SAVEPOINT queued_write").execute();
        try {
            queued.result = queued.work.run(writer);
        } catch (SQLException e) {
            if (isBusy(e)) {
                throw e; // another process holds the database: the whole batch is retried
            }
            undo(queued, e);
            queued.failure = failure(queued.what, e);
        } catch (RuntimeException e) {
            undo(queued, null);
            queued.failure = e;
        }
        writer.prepared("RELEASE queued_write").execute();
    }

    /** Rolls back to the work's savepoint; if SQLite already rolled back the whole transaction, that work is out. */
    private void undo(Queued<?> queued, SQLException cause) throws Aborted {
        try {
            writer.prepared("ROLLBACK TO queued_write").execute();
        } catch (SQLException transactionGone) {
            throw new Aborted(queued, cause != null ? cause : transactionGone);
        }
    }

    private void failAll(List<Queued<?>> batch, SQLException e) {
        for (Queued<?> queued : batch) {
            queued.failure = failure(queued.what, e);
            queued.done = true;
        }
    }

    private void rollbackQuietly() {
        try (Statement rollback = writer.connection().createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException alreadyRolledBack) {
            // SQLite rolls back by itself on some errors; nothing is left to undo then
        }
    }

    private void checkpointNowAndThen() {
        if (++commitsSinceCheckpoint < COMMITS_PER_CHECKPOINT) {
            return;
        }
        commitsSinceCheckpoint = 0;
        try (Statement checkpoint = writer.connection().createStatement()) {
            checkpoint.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // a checkpoint is housekeeping: a busy reader elsewhere only postpones it
            LOG.log(System.Logger.Level.DEBUG, "WAL checkpoint of {0} skipped: {1}", file, e.getMessage());
        }
    }

    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        if (e instanceof SQLiteException sqlite) {
            primary = sqlite.getResultCode().code & 0xFF;
        }
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static void sleepJitter() throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(JITTER_MIN_MILLIS, JITTER_MAX_MILLIS + 1));
    }

    private IOException failure(String what, SQLException e) {
        return StateDatabase.failure(file, what, e);
    }
}
