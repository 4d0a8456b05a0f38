package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.Reply;

/**
 * {@code hermes gateway run} with Telegram against the telegram-test-api emulator and a model that writes slowly: the
 * answer shows up as one message that grows while the model writes (a preview ending in the cursor, edited in place)
 * and ends holding exactly the answer, with no second message; with streaming off for Telegram, one plain message.
 * (The emulator has no {@code sendChatAction}, so the typing indicator is covered by the gateway's own tests.)
 */
class TelegramStreamingIT extends TelegramGatewayFixture {

    private static final String TOKEN = "123456:TEST-token";
    private static final long USER = 4242;
    private static final String ANSWER = "Streaming works: this answer grows in one Telegram message while the model"
            + " is still writing it.";
    private static final String CURSOR = " \u2589";

    @Test
    void aSlowAnswerGrowsInOneMessageAndEndsWithoutTheCursor() throws Exception {
        startGateway("");
        server.enqueue(Reply.text(ANSWER).withChunkSize(4).withFramePause(Duration.ofMillis(120)));
        telegram.userSends(TOKEN, USER, "show me streaming");

        JsonNode preview = awaitBotMessage(text -> text.endsWith(CURSOR), Duration.ofSeconds(40));
        String previewText = preview.path("message").path("text").asText();
        assertThat(ANSWER).as("the preview is a beginning of the answer").startsWith(previewText.replace(CURSOR, ""));

        JsonNode done = awaitBotMessage(ANSWER::equals, Duration.ofSeconds(40));
        assertThat(done.path("messageId").asLong()).as("the preview was edited in place")
                .isEqualTo(preview.path("messageId").asLong());
        assertThat(botTexts()).containsExactly(ANSWER);
    }

    @Test
    void withStreamingOffForTelegramTheAnswerIsOnePlainMessage() throws Exception {
        startGateway("display:\n  platforms:\n    telegram:\n      streaming: false\n");
        server.enqueue(Reply.text(ANSWER).withChunkSize(4).withFramePause(Duration.ofMillis(40)));
        telegram.userSends(TOKEN, USER, "no streaming please");

        awaitBotMessage(ANSWER::equals, Duration.ofSeconds(40));
        Thread.sleep(1000); // an edit or a second message would come right after
        assertThat(botTexts()).containsExactly(ANSWER);
    }

    private void startGateway(String extraConfig) throws Exception {
        startTelegram();
        new HermesProcess(home, server, "platforms:\n  telegram:\n    poll_timeout: 1\n" + extraConfig);
        Files.writeString(home.resolve(".env"), "TELEGRAM_ENABLED=true\nTELEGRAM_BOT_TOKEN=" + TOKEN
                + "\nTELEGRAM_BASE_URL=" + telegram.baseUrl() + "\nTELEGRAM_ALLOWED_USERS=" + USER + "\n");
        gateway = new HermesProcess(home).startGateway();
    }

    /** The bot's messages in the chat, as they read now. */
    private List<String> botTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonNode update : telegram.history(TOKEN)) {
            if (isFromBot(update)) {
                texts.add(update.path("message").path("text").asText());
            }
        }
        return texts;
    }

    /** Polls the chat's history until a bot message's current text matches. */
    private JsonNode awaitBotMessage(Predicate<String> text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode update : telegram.history(TOKEN)) {
                if (isFromBot(update) && text.test(update.path("message").path("text").asText())) {
                    return update;
                }
            }
            assertThat(gateway.isAlive()).as("gateway running; log:%n%s", Files.readString(home.resolve("gateway.log")))
                    .isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no such bot message within " + timeout + "; history: " + telegram.history(TOKEN)
                + "\ngateway log:\n" + Files.readString(home.resolve("gateway.log"))
                + "\nhermes.log:\n" + Files.readString(home.resolve("logs/hermes.log")));
    }

    /** The emulator keeps the bot's messages with a {@code messageId}; the user's carry {@code updateId} only. */
    private static boolean isFromBot(JsonNode update) {
        return update.has("messageId") && !update.path("message").has("from");
    }
}
