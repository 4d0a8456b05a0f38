package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path home;

    private Path file;
    private StateDatabase database;

    @BeforeEach
    void open() throws IOException {
        file = home.resolve("state.db");
        database = StateDatabase.open(file);
        database.write("create the test table", sql -> execute(sql, "CREATE TABLE t (writer TEXT)"));
    }

    @AfterEach
    void close() throws IOException {
        database.close();
    }

    @Test
    void concurrentWritersShareCommitsAndEveryWriteIsThere() throws Exception {
        int writers = 64;
        int writesEach = 20;
        long commitsBefore = database.commits();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "w" + w;
                running.add(threads.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        database.write("insert", sql -> execute(sql, "INSERT INTO t VALUES ('" + writer + "')"));
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        }

        assertThat(StateFiles.column(file, "SELECT count(*) FROM t"))
                .containsExactly(Integer.toString(writers * writesEach));
        assertThat(database.commits() - commitsBefore).isLessThan(writers * writesEach);
    }

    @Test
    void aFailingWriteInASharedCommitFailsOnlyItsCaller() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // the first write holds the lock, so the next three queue up and are committed as one batch
            Future<?> first = threads.submit(() -> database.write("hold", sql -> {
                holding.countDown();
                awaitQuietly(release);
                return execute(sql, "INSERT INTO t VALUES ('first')");
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> before = threads.submit(() -> database.write("insert before",
                    sql -> execute(sql, "INSERT INTO t VALUES ('before')")));
            Future<?> broken = threads.submit(() -> database.write("insert into a missing table", sql -> {
                execute(sql, "INSERT INTO t VALUES ('half of broken')");
                return execute(sql, "INSERT INTO missing VALUES (1)");
            }));
            Future<?> thrower = threads.submit(() -> database.write("throw", sql -> {
                execute(sql, "INSERT INTO t VALUES ('half of thrower')");
                throw new IllegalStateException("a bug in the work");
            }));
            Future<?> after = threads.submit(() -> database.write("insert after",
                    sql -> execute(sql, "INSERT INTO t VALUES ('after')")));
            Thread.sleep(200); // let the four queue behind the first
            long commitsBefore = database.commits();
            release.countDown();

            first.get();
            before.get();
            after.get();
            assertThatThrownBy(broken::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("could not insert into a missing table in " + file)
                    .hasMessageContaining("no such table: missing");
            assertThatThrownBy(thrower::get).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessage("a bug in the work");
            assertThat(database.commits() - commitsBefore).isEqualTo(2);
        }
        assertThat(StateFiles.column(file, "SELECT writer FROM t ORDER BY rowid"))
                .containsExactlyInAnyOrder("first", "before", "after");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Void execute(StateDatabase.Statements sql, String text) throws java.sql.SQLException {
        try (Statement statement = sql.connection().createStatement()) {
            statement.execute(text);
        }
        return null;
    }
}
