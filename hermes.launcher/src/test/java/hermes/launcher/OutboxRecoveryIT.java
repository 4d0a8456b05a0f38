package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.Reply;
import hermes.testing.TelegramEmulator;

/**
 * The durable outbox: three replies are stored while Telegram is unreachable, the gateway is killed with SIGKILL, and
 * after a restart each reply arrives exactly once, in order.
 */
class OutboxRecoveryIT extends TelegramGatewayFixture {

    private static final String TOKEN = "123456:OUTBOX-token";
    private static final long USER = 7070;

    private void startGateway(String baseUrl) throws IOException {
        Files.writeString(home.resolve(".env"), "TELEGRAM_ENABLED=true\nTELEGRAM_BOT_TOKEN=" + TOKEN
                + "\nTELEGRAM_BASE_URL=" + baseUrl + "\nTELEGRAM_ALLOWED_USERS=" + USER + "\n");
        gateway = new HermesProcess(home).startGateway();
    }

    @Test
    void repliesStoredBeforeAKillArriveOnceInOrderAfterARestart() throws Exception {
        startTelegram();
        new HermesProcess(home, server, "platforms:\n  telegram:\n    poll_timeout: 1\ndisplay:\n"
                + "  busy_input_mode: queue\n");
        // each answer takes a while, so all three questions are fetched before the first reply is sent
        server.enqueue(Reply.text("first answer").withDelay(Duration.ofSeconds(4)),
                Reply.text("second answer"), Reply.text("third answer"));
        startGateway(telegram.baseUrl());
        telegram.userSends(TOKEN, USER, "one");
        telegram.userSends(TOKEN, USER, "two");
        telegram.userSends(TOKEN, USER, "three");
        server.awaitRequestCount(1, Duration.ofSeconds(30));
        // the poller has all three questions well within this pause, and the first answer is still 2.5 s away
        Thread.sleep(1500);
        telegram.close(); // Telegram is gone: the replies can only be stored
        telegram = null;
        server.awaitRequestCount(3, Duration.ofSeconds(30));
        awaitUnsent(3, Duration.ofSeconds(20));

        gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(unsentTexts()).containsExactly("first answer", "second answer", "third answer");

        telegram = TelegramEmulator.start();
        startGateway(telegram.baseUrl());
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (received.size() < 3 && System.nanoTime() < deadline) {
            JsonNode messages = telegram.userReceives(TOKEN, USER);
            messages.forEach(m -> received.add(m.path("message").path("text").asText()));
            Thread.sleep(200);
        }
        Thread.sleep(3000); // anything sent twice would have arrived by now
        telegram.userReceives(TOKEN, USER).forEach(m -> received.add(m.path("message").path("text").asText()));

        assertThat(received).as("gateway log:%n%s", Files.readString(home.resolve("gateway.log")))
                .containsExactly("first answer", "second answer", "third answer");
        assertThat(unsentTexts()).isEmpty();
    }

    private void awaitUnsent(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unsentTexts().size() < count) {
            assertThat(System.nanoTime()).as("%d unsent replies stored; log:%n%s", count,
                    Files.readString(home.resolve("gateway.log"))).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** The stored, unconfirmed replies in delivery order, read with Python's sqlite3 as an outsider would. */
    private List<String> unsentTexts() throws IOException, InterruptedException {
        Path db = home.resolve("hermes-jvm.db");
        if (!Files.exists(db)) {
            return List.of();
        }
        Process process = new ProcessBuilder("python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
                + " [print(r[0]) for r in c.execute('select text from gateway_outbox where sent_at is null order by id')]",
                db.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (output.contains("no such table")) {
            return List.of();
        }
        return output.lines().filter(l -> !l.isBlank()).toList();
    }
}
