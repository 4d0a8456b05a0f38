package hermes.plugin.channel.telegram.internal;

import static hermes.plugin.channel.telegram.internal.FakeTelegram.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hermes.api.Channel;
import mockwebserver3.MockWebServer;

/** What the gateway streams and retries with: typing, edits, and which refusals are final. */
class TelegramEditingTest {

    private static final Pacing FAST = new Pacing(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(50),
            3);

    private final MockWebServer server = new MockWebServer();
    private final FakeTelegram telegram = new FakeTelegram();
    private final TelegramChannel channel = new TelegramChannel(FAST);

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(telegram);
        server.start();
        channel.start(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN,
                "TELEGRAM_BASE_URL", server.url("/").toString(), "platforms.telegram.poll_timeout", "0")));
    }

    @AfterEach
    void stop() {
        channel.stop();
        server.close();
    }

    private static Channel.Outbound message(String text) {
        return new Channel.Outbound("555", Optional.empty(), Optional.empty(), text, List.of());
    }

    @Test
    void typingIsATypingChatActionInTheThread() throws Exception {
        channel.typing("-100200", Optional.of("3"));

        assertThat(telegram.next("sendChatAction").params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"chat_id":-100200,"message_thread_id":3,"action":"typing"}"""));
    }

    @Test
    void typingDoesNotWaitOutARateLimit() {
        telegram.answer("sendChatAction", json(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5",
                 "parameters":{"retry_after":5}}"""));
        long started = System.nanoTime();

        assertThatThrownBy(() -> channel.typing("555", Optional.empty())).isInstanceOf(TelegramException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anEditReplacesTheTextOfTheMessage() throws Exception {
        assertThat(channel.canEdit()).isTrue();

        channel.edit("555", "100", "the whole answer");

        assertThat(telegram.next("editMessageText").params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"chat_id":555,"message_id":100,"text":"the whole answer"}"""));
    }

    @Test
    void anEditToTheTextAlreadyShownSucceeds() throws Exception {
        telegram.answer("editMessageText", json(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new \
                message content and reply markup are exactly the same as a current content and reply markup of the \
                message"}"""));

        channel.edit("555", "100", "same text");

        telegram.next("editMessageText");
        assertThat(telegram.drainExceptPolls()).isEmpty();
    }

    @Test
    void aTextLongerThanOneMessageKeepsItsFirstPieceInTheEditedMessageAndSendsTheRest() throws Exception {
        String text = "a".repeat(4000) + "\n" + "b".repeat(4000) + "\n" + "c".repeat(200);
        telegram.answer("editMessageText", FakeTelegram.ok("""
                {"message_id":100,"message_thread_id":3,"chat":{"id":555}}"""));

        channel.edit("555", "100", text);

        assertThat(telegram.next("editMessageText").params().path("text").asText()).isEqualTo("a".repeat(4000));
        FakeTelegram.Call second = telegram.next("sendMessage");
        assertThat(second.params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"chat_id":555,"message_thread_id":3,
                 "reply_parameters":{"message_id":100,"allow_sending_without_reply":true},
                 "text":"%s"}""".formatted("b".repeat(4000))));
        FakeTelegram.Call third = telegram.next("sendMessage");
        assertThat(third.params().path("text").asText()).isEqualTo("c".repeat(200));
        assertThat(third.params().has("reply_parameters")).isFalse();
    }

    @Test
    void aRepeatedLongEditAfterAFailedContinuationSendsOnlyWhatIsMissing() throws Exception {
        String text = "a".repeat(4000) + "\n" + "b".repeat(4000) + "\n" + "c".repeat(200);
        telegram.answer("sendMessage", FakeTelegram.ok("{\"message_id\":7,\"chat\":{\"id\":555}}"))
                .answer("sendMessage", json(502, "Bad Gateway"));
        assertThatThrownBy(() -> channel.edit("555", "100", text)).isInstanceOf(IOException.class);
        telegram.forget();
        telegram.answer("editMessageText", json(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: message is not modified"}"""));

        channel.edit("555", "100", text);

        telegram.next("editMessageText");
        assertThat(telegram.next("sendMessage").params().path("text").asText()).isEqualTo("c".repeat(200));
        assertThat(telegram.drainExceptPolls()).isEmpty();
    }

    @Test
    void aChatThatIsGoneOrABlockedBotIsAFinalRefusal() {
        telegram.answer("sendMessage", json(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"""))
                .answer("sendMessage", json(403, """
                {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"""));

        assertThatThrownBy(() -> channel.send(message("hi"))).isInstanceOf(Channel.RejectedException.class)
                .hasMessage("Telegram sendMessage failed (400): Bad Request: chat not found");
        assertThatThrownBy(() -> channel.send(message("hi"))).isInstanceOf(Channel.RejectedException.class)
                .hasMessage("Telegram sendMessage failed (403): Forbidden: bot was blocked by the user");
    }

    @Test
    void aMessageWithNothingToSendIsAFinalRefusal() {
        assertThatThrownBy(() -> channel.send(message(" "))).isInstanceOf(Channel.RejectedException.class)
                .hasMessageContaining("needs text or an attachment");
    }

    @Test
    void serverErrorsAndLongRateLimitsStayRetryable() {
        telegram.answer("sendMessage", json(502, "Bad Gateway"))
                .answer("sendMessage", json(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 300",
                 "parameters":{"retry_after":300}}"""));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> channel.send(message("hi"))).isInstanceOf(IOException.class)
                    .isNotInstanceOf(Channel.RejectedException.class);
        }
    }

    @Test
    void anEditOfAMessageThatIsGoneIsAFinalRefusal() {
        telegram.answer("editMessageText", json(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: message to edit not found"}"""));

        assertThatThrownBy(() -> channel.edit("555", "100", "text")).isInstanceOf(Channel.RejectedException.class)
                .hasMessage("Telegram editMessageText failed (400): Bad Request: message to edit not found");
    }
}
