package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Channel;
import hermes.api.ContentPart;

class OutboxTest {

    @TempDir
    Path home;

    @Test
    void repliesComeBackInOrderWithTheirAttachmentsUntilMarkedSent() throws Exception {
        Instant now = Instant.parse("2025-03-10T12:00:00Z");
        Channel.Outbound first = new Channel.Outbound("42", Optional.of("t"), Optional.of("m-1"), "first",
                List.of(new ContentPart.Image("image/png", "file:/tmp/a.png"),
                        new ContentPart.File("r.pdf", "application/pdf", "file:/tmp/r.pdf")));
        Channel.Outbound second = new Channel.Outbound("42", Optional.empty(), Optional.empty(), "second", List.of());
        try (Outbox outbox = Outbox.open(home.resolve("hermes-jvm.db"), now)) {
            long id = outbox.add("telegram", first, now);
            outbox.add("telegram", second, now);
            outbox.add("email", second, now);
            outbox.recordFailure(id, "IOException: down");

            List<Outbox.Row> unsent = outbox.unsent(new Outbox.ChatAddress("telegram", "42"));
            assertThat(unsent).extracting(Outbox.Row::message).containsExactly(first, second);
            assertThat(unsent.getFirst().attempts()).isEqualTo(1);
            assertThat(unsent.getFirst().lastError()).contains("IOException: down");
            assertThat(outbox.chatsWithUnsent()).containsExactly(new Outbox.ChatAddress("telegram", "42"),
                    new Outbox.ChatAddress("email", "42"));

            outbox.markSent(id, "p-9", now);
            assertThat(outbox.unsent(new Outbox.ChatAddress("telegram", "42"))).extracting(Outbox.Row::message)
                    .containsExactly(second);
            assertThat(outbox.unsentCount()).isEqualTo(2);
        }
    }

    @Test
    void theOutboxSharesTheFileWithOtherBundlesTablesAndKeepsToItsPrefix() throws Exception {
        Path file = home.resolve("hermes-jvm.db");
        try (Connection other = connect(file); Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE skill_revisions (skill TEXT)");
        }
        Outbox.open(file, Instant.now()).close();

        try (Connection check = connect(file); Statement statement = check.createStatement()) {
            assertThat(column(statement, "PRAGMA journal_mode")).containsExactly("wal");
            assertThat(column(statement, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                    + " 'sqlite_%' ORDER BY name")).containsExactly("gateway_outbox", "skill_revisions");
            assertThat(column(statement, "SELECT name FROM pragma_table_info('gateway_outbox')")).containsExactly(
                    "id", "platform", "chat", "thread", "reply_to", "text", "attachments", "created", "attempts",
                    "last_error", "sent_at", "platform_message_id", "edit_of", "failed_at");
        }
    }

    @Test
    void sentRowsOlderThanThirtyDaysAreRemovedOnOpen() throws Exception {
        Path file = home.resolve("hermes-jvm.db");
        Instant then = Instant.parse("2025-01-01T00:00:00Z");
        Channel.Outbound message = new Channel.Outbound("42", Optional.empty(), Optional.empty(), "old", List.of());
        try (Outbox outbox = Outbox.open(file, then)) {
            outbox.markSent(outbox.add("telegram", message, then), "p", then);
            outbox.add("telegram", message, then);
        }

        try (Outbox later = Outbox.open(file, then.plus(Duration.ofDays(31)));
             Connection check = connect(file); Statement statement = check.createStatement()) {
            assertThat(column(statement, "SELECT COUNT(*) FROM gateway_outbox")).containsExactly("1");
            assertThat(later.unsentCount()).as("unsent rows are never dropped").isEqualTo(1);
        }
    }

    @Test
    void aRefusedReplyIsDoneWithItsReasonAndAStreamedOneKeepsItsPreview() throws Exception {
        Instant now = Instant.parse("2025-03-10T12:00:00Z");
        Channel.Outbound message = new Channel.Outbound("42", Optional.empty(), Optional.empty(), "hi", List.of());
        Outbox.ChatAddress chat = new Outbox.ChatAddress("telegram", "42");
        try (Outbox outbox = Outbox.open(home.resolve("hermes-jvm.db"), now)) {
            long refused = outbox.add("telegram", message, now);
            outbox.add("telegram", message, Optional.of("p-7"), now);

            outbox.markRefused(refused, "refused: Forbidden: bot was blocked by the user", now);

            assertThat(outbox.unsent(chat)).singleElement().satisfies(row -> assertThat(row.editOf()).contains("p-7"));
            assertThat(outbox.unsentCount()).isEqualTo(1);
            assertThat(outbox.refusedCount()).isEqualTo(1);
            assertThat(outbox.chatsWithUnsent()).containsExactly(chat);
        }
    }

    @Test
    void anOutboxFromBeforeStreamingGetsTheNewColumnsAndKeepsItsRows() throws Exception {
        Path file = home.resolve("hermes-jvm.db");
        try (Connection old = connect(file); Statement statement = old.createStatement()) {
            statement.execute("""
                    CREATE TABLE gateway_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL,
                        chat TEXT NOT NULL, thread TEXT, reply_to TEXT, text TEXT NOT NULL, attachments TEXT NOT NULL,
                        created REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, sent_at REAL,
                        platform_message_id TEXT)""");
            statement.execute("INSERT INTO gateway_outbox (platform, chat, text, attachments, created) VALUES"
                    + " ('telegram', '42', 'waiting', '[]', 1741608000)");
        }

        try (Outbox outbox = Outbox.open(file, Instant.parse("2025-03-10T12:00:00Z"))) {
            assertThat(outbox.unsent(new Outbox.ChatAddress("telegram", "42"))).singleElement()
                    .satisfies(row -> {
                        assertThat(row.message().text()).isEqualTo("waiting");
                        assertThat(row.editOf()).isEmpty();
                    });
        }
    }

    private static Connection connect(Path file) throws Exception {
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
    }

    private static List<String> column(Statement statement, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
