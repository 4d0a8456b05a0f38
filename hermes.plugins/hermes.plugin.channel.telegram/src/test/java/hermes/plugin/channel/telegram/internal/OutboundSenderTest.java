package hermes.plugin.channel.telegram.internal;

import static hermes.plugin.channel.telegram.internal.FakeTelegram.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Channel;
import hermes.api.ContentPart;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Replies as Telegram receives them: parameters, splitting, media, rate limits and errors. */
class OutboundSenderTest {

    private final MockWebServer server = new MockWebServer();
    private final FakeTelegram telegram = new FakeTelegram();
    private final OkHttpClient client = new OkHttpClient();
    private BotApi api;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(telegram);
        server.start();
        api = new BotApi(client, FakeTelegram.JSON, server.url("/"), FakeTelegram.TOKEN);
    }

    @AfterEach
    void stop() {
        client.dispatcher().executorService().shutdown();
        server.close();
    }

    private static Channel.Outbound reply(String text, List<ContentPart> attachments) {
        return new Channel.Outbound("555", Optional.empty(), Optional.of("11"), text, attachments);
    }

    @Test
    void aReplyIsPlainTextAnsweringTheUsersMessageAndReturnsTelegramsId() throws Exception {
        String id = new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("hi there", List.of()));

        assertThat(id).isEqualTo("100");
        assertThat(telegram.next("sendMessage").params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"chat_id":555,"reply_parameters":{"message_id":11,"allow_sending_without_reply":true},
                 "text":"hi there"}"""));
    }

    @Test
    void aThreadAndAParseModeGoWithEveryMessage() throws Exception {
        new OutboundSender(api, Optional.of("HTML"), new UnfinishedReplies()).send(new Channel.Outbound("-100200", Optional.of("3"),
                Optional.empty(), "<b>hi</b>", List.of()));

        assertThat(telegram.next("sendMessage").params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"chat_id":-100200,"message_thread_id":3,"text":"<b>hi</b>","parse_mode":"HTML"}"""));
    }

    @Test
    void aTextOverTheLimitGoesAsSeveralMessagesAndOnlyTheFirstIsAReply() throws Exception {
        String text = "a".repeat(4000) + "\n" + "b".repeat(200);

        String id = new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply(text, List.of()));

        FakeTelegram.Call first = telegram.next("sendMessage");
        FakeTelegram.Call second = telegram.next("sendMessage");
        assertThat(id).isEqualTo("100");
        assertThat(first.params().path("text").asText()).isEqualTo("a".repeat(4000));
        assertThat(first.params().has("reply_parameters")).isTrue();
        assertThat(second.params().path("text").asText()).isEqualTo("b".repeat(200));
        assertThat(second.params().has("reply_parameters")).isFalse();
    }

    @Test
    void tooManyRequestsIsWaitedOutAsTelegramAsksAndThenSent() throws Exception {
        telegram.answer("sendMessage", json(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1",
                 "parameters":{"retry_after":1}}"""));
        long started = System.nanoTime();

        String id = new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("hi", List.of()));

        assertThat(id).isEqualTo("100");
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
        telegram.next("sendMessage");
        telegram.next("sendMessage");
    }

    @Test
    void aRateLimitLongerThanHalfAMinuteIsLeftToTheOutbox() {
        telegram.answer("sendMessage", json(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 300",
                 "parameters":{"retry_after":300}}"""));

        assertThatThrownBy(() -> new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("hi", List.of())))
                .isInstanceOfSatisfying(TelegramException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(300));
                    assertThat(e).hasMessage("Telegram sendMessage failed (429): Too Many Requests: retry after 300");
                });
    }

    @Test
    void aRefusalCarriesTelegramsDescription() {
        telegram.answer("sendMessage", json(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"""));

        assertThatThrownBy(() -> new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("hi", List.of())))
                .isInstanceOfSatisfying(TelegramException.class, e -> assertThat(e.errorCode()).isEqualTo(400))
                .hasMessage("Telegram sendMessage failed (400): Bad Request: chat not found");
    }

    @Test
    void aServerThatAnswersWithoutTelegramsEnvelopeStillGivesAReadableError() {
        telegram.answer("sendPhoto", json(500, "{\"message\":\"API method 'sendPhoto' is not supported.\"}"));

        assertThatThrownBy(() -> new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("",
                List.of(new ContentPart.Image("image/png", "https://example.com/cat.png")))))
                .hasMessage("Telegram sendPhoto failed (500): API method 'sendPhoto' is not supported.");
    }

    @Test
    void aRetryAfterAPartialFailureResumesWithoutRepeatingWhatWasDelivered() throws Exception {
        OutboundSender sender = new OutboundSender(api, Optional.empty(), new UnfinishedReplies());
        Channel.Outbound message = reply("the chart", List.of(new ContentPart.Image("image/png",
                "https://example.com/chart.png")));
        telegram.answer("sendPhoto", json(502, "Bad Gateway"));
        assertThatThrownBy(() -> sender.send(message)).isInstanceOf(TelegramException.class);
        telegram.next("sendMessage");
        telegram.next("sendPhoto");

        String id = sender.send(message);

        assertThat(id).isEqualTo("100");
        FakeTelegram.Call retried = telegram.next("sendPhoto");
        assertThat(retried.params().has("reply_parameters")).isFalse();
        assertThat(telegram.pending()).isZero();
    }

    @Test
    void aRemoteImageIsPassedByUrlForTelegramToFetch() throws Exception {
        String id = new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("",
                List.of(new ContentPart.Image("image/png", "https://example.com/cat.png"))));

        assertThat(id).isEqualTo("100");
        assertThat(telegram.next("sendPhoto").params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"chat_id":555,"reply_parameters":{"message_id":11,"allow_sending_without_reply":true},
                 "photo":"https://example.com/cat.png"}"""));
    }

    @Test
    void aLocalFileIsUploadedAsADocumentAfterTheText(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("report.txt"), "the numbers");

        String id = new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("here it is",
                List.of(new ContentPart.File("report.txt", "text/plain", report.toUri().toString()))));

        assertThat(id).isEqualTo("100");
        telegram.next("sendMessage");
        String upload = telegram.next("sendDocument").request().getBody().utf8();
        assertThat(telegram.pending()).isZero();
        assertThat(upload).contains("name=\"chat_id\"\r\n\r\n555\r\n")
                .contains("name=\"document\"; filename=\"report.txt\"")
                .contains("Content-Type: text/plain\r\n")
                .contains("the numbers")
                .doesNotContain("reply_parameters");
    }

    @Test
    void aDataUrlVoiceNoteIsUploadedAsVoiceWithTheReplyAsJson() throws Exception {
        String audio = Base64.getEncoder().encodeToString("OggS voice".getBytes(StandardCharsets.UTF_8));

        new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("",
                List.of(new ContentPart.Audio("audio/ogg", "data:audio/ogg;base64," + audio))));

        String upload = telegram.next("sendVoice").request().getBody().utf8();
        assertThat(upload).contains("name=\"voice\"; filename=\"voice.ogg\"").contains("OggS voice")
                .contains("{\"message_id\":11,\"allow_sending_without_reply\":true}");
    }

    @Test
    void aMessageWithNothingToSendIsRefused() {
        assertThatThrownBy(() -> new OutboundSender(api, Optional.empty(), new UnfinishedReplies()).send(reply("  ", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs text or an attachment");
    }
}
