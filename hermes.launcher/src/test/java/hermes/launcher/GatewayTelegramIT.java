package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.Reply;

/**
 * {@code hermes gateway run} with the Telegram channel against the telegram-test-api emulator: an unknown user gets a
 * pairing code and no model call; after {@code hermes pairing approve} the next message is answered by the model.
 */
class GatewayTelegramIT extends TelegramGatewayFixture {

    private static final String TOKEN = "123456:TEST-token";
    private static final long USER = 4242;
    private static final Pattern CODE = Pattern.compile("Your pairing code: ([A-Z2-9]{8})");

    @Test
    void anUnknownUserIsPairedByTheOwnerAndThenAnswered() throws Exception {
        startTelegram();
        HermesProcess hermes = new HermesProcess(home, server, "platforms:\n  telegram:\n    poll_timeout: 1\n"
                // whole replies: this test reads each bot message once, and a streamed one arrives first with the
                // cursor (TelegramStreamingIT covers streaming)
                + "display:\n  platforms:\n    telegram:\n      streaming: false\n");
        Files.writeString(home.resolve(".env"), "TELEGRAM_ENABLED=true\nTELEGRAM_BOT_TOKEN=" + TOKEN
                + "\nTELEGRAM_BASE_URL=" + telegram.baseUrl() + "\n");
        gateway = new HermesProcess(home).startGateway();

        telegram.userSends(TOKEN, USER, "hello");
        String pairing = awaitReply(Duration.ofSeconds(40));
        Matcher code = CODE.matcher(pairing);
        assertThat(code.find()).as("a pairing code in: %s", pairing).isTrue();
        assertThat(server.requests()).as("nothing reached the model").isEmpty();

        String approved = hermes.ok("pairing", "approve", "telegram", code.group(1));
        assertThat(approved).contains(Long.toString(USER));

        server.enqueue(Reply.text("Hello Ada, nice to meet you."));
        telegram.userSends(TOKEN, USER, "hi again");
        assertThat(awaitReply(Duration.ofSeconds(40))).isEqualTo("Hello Ada, nice to meet you.");
        assertThat(server.awaitRequestCount(1, Duration.ofSeconds(5)).get(0).lastUserText()).isEqualTo("hi again");
    }

    /** The next bot message the user receives, polling the emulator's client API. */
    private String awaitReply(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode messages = telegram.userReceives(TOKEN, USER);
            List<String> texts = new ArrayList<>();
            messages.forEach(m -> texts.add(m.path("message").path("text").asText(m.path("text").asText())));
            if (!texts.isEmpty()) {
                return texts.getFirst();
            }
            assertThat(gateway.isAlive()).as("gateway running; log:%n%s", Files.readString(home.resolve("gateway.log")))
                    .isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no reply within " + timeout + "; gateway log:\n"
                + Files.readString(home.resolve("gateway.log")));
    }
}
