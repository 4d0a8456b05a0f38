package hermes.plugin.channel.telegram.internal;

import static hermes.plugin.channel.telegram.internal.FakeTelegram.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hermes.api.Channel;
import hermes.api.ContentPart;
import mockwebserver3.MockWebServer;

/** The channel as the gateway drives it: start, polling with offsets, health, send and stop. */
class TelegramChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Pacing FAST = new Pacing(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(50),
            3);

    private final MockWebServer server = new MockWebServer();
    private final FakeTelegram telegram = new FakeTelegram();
    private final TelegramChannel channel = new TelegramChannel(FAST);
    private TestHost host;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(telegram);
        server.start();
        host = new TestHost(Map.of("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN,
                "TELEGRAM_BASE_URL", server.url("/").toString(), "platforms.telegram.poll_timeout", "0"));
    }

    @AfterEach
    void stop() {
        channel.stop();
        server.close();
    }

    private static String textUpdate(int updateId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":555,"first_name":"Ada"},
                 "chat":{"id":555,"type":"private"},"date":1700000000,"text":"%s"}}""".formatted(updateId,
                updateId + 1000, text);
    }

    @Test
    void startChecksTheTokenClearsAnyWebhookAndPollsWithTheLongPollTimeout() throws Exception {
        channel.start(host);

        telegram.next("getMe");
        telegram.next("deleteWebhook");
        assertThat(telegram.next("getUpdates").params()).isEqualTo(FakeTelegram.JSON.readTree("""
                {"offset":0,"timeout":0}"""));
        assertThat(channel.isHealthy()).isTrue();
    }

    @Test
    void startWithoutATokenFailsWithTheFix() {
        assertThatThrownBy(() -> channel.start(new TestHost(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TELEGRAM_BOT_TOKEN");
        assertThat(channel.isHealthy()).isFalse();
    }

    @Test
    void aRefusedTokenFailsTheStartAtOnce() {
        telegram.answer("getMe", json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));

        assertThatThrownBy(() -> channel.start(host))
                .isInstanceOf(TelegramException.class)
                .hasMessage("Telegram getMe failed (401): Unauthorized; check TELEGRAM_BOT_TOKEN (BotFather's token "
                        + "for this bot)")
                .hasMessageNotContaining(FakeTelegram.TOKEN);
        assertThat(channel.isHealthy()).isFalse();
    }

    @Test
    void messagesReachTheHostInOrderAndTheOffsetConfirmsThem() throws Exception {
        telegram.updates("[" + textUpdate(41, "one") + "," + textUpdate(42, "two") + "]");
        channel.start(host);

        assertThat(host.next(WAIT).text()).isEqualTo("one");
        Channel.Inbound second = host.next(WAIT);
        assertThat(second.text()).isEqualTo("two");
        assertThat(second.messageId()).isEqualTo("1042");
        telegram.next("getUpdates");
        assertThat(telegram.next("getUpdates").params().path("offset").asLong()).isEqualTo(43);
    }

    @Test
    void aRestartedChannelContinuesAfterTheLastUpdateItHandedOver() throws Exception {
        telegram.updates("[" + textUpdate(7, "before") + "]");
        channel.start(host);
        host.next(WAIT);
        channel.stop();
        telegram.forget();

        channel.start(host);

        assertThat(telegram.next("getUpdates").params().path("offset").asLong()).isEqualTo(8);
    }

    @Test
    void repeatedPollFailuresMakeTheChannelUnhealthyAndOneGoodPollHealsIt() throws Exception {
        channel.start(host);
        telegram.next("getUpdates");
        for (int i = 0; i < 3; i++) {
            telegram.answer("getUpdates", json(502, "<html>Bad Gateway</html>"));
        }

        awaitHealth(false);
        awaitHealth(true);
    }

    @Test
    void aConflictWithAnotherPollerIsReportedWithTheFix() throws Exception {
        for (int i = 0; i < 3; i++) {
            telegram.answer("getUpdates", json(409, """
                    {"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}"""));
        }
        channel.start(host);

        awaitHealth(false);
    }

    @Test
    void aPhotoIsDownloadedThroughGetFileAndArrivesAsAnImage() throws Exception {
        telegram.answer("getFile", FakeTelegram.ok("{\"file_id\":\"p1\",\"file_path\":\"photos/file_1.jpg\"}"))
                .file("photos/file_1.jpg", "JPEG bytes".getBytes(StandardCharsets.UTF_8))
                .updates("""
                        [{"update_id":1,"message":{"message_id":5,"from":{"id":555},"chat":{"id":555},
                          "caption":"look","photo":[{"file_id":"p1","file_size":10}]}}]""");
        channel.start(host);

        Channel.Inbound inbound = host.next(WAIT);

        assertThat(inbound.attachments()).containsExactly(new ContentPart.Image("image/jpeg",
                "data:image/jpeg;base64,SlBFRyBieXRlcw=="));
        assertThat(telegram.next("getFile").params().path("file_id").asText()).isEqualTo("p1");
    }

    @Test
    void sendDeliversThroughTheRunningConnection() throws Exception {
        channel.start(host);

        String id = channel.send(new Channel.Outbound("555", Optional.empty(), Optional.empty(), "hello", List.of()));

        assertThat(id).isEqualTo("100");
        assertThat(telegram.next("sendMessage").params().path("text").asText()).isEqualTo("hello");
    }

    @Test
    void aReplyThatFailedPartWayResumesAfterARestart() throws Exception {
        Channel.Outbound reply = new Channel.Outbound("555", Optional.empty(), Optional.empty(), "the chart",
                List.of(new ContentPart.Image("image/png", "https://example.com/chart.png")));
        telegram.answer("sendPhoto", json(502, "Bad Gateway"));
        channel.start(host);
        assertThatThrownBy(() -> channel.send(reply)).isInstanceOf(IOException.class);
        channel.stop();
        channel.start(host);
        telegram.forget();

        assertThat(channel.send(reply)).isEqualTo("100");

        assertThat(telegram.drainExceptPolls()).containsExactly("sendPhoto");
    }

    @Test
    void sendBeforeStartFailsSoTheGatewayKeepsTheMessage() {
        assertThatThrownBy(() -> channel.send(new Channel.Outbound("555", Optional.empty(), Optional.empty(), "hi",
                List.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not connected");
    }

    @Test
    void stopEndsPollingAndLaterUpdatesStayWithTelegram() throws Exception {
        channel.start(host);
        telegram.next("getUpdates");

        channel.stop();
        telegram.forget();
        telegram.updates("[" + textUpdate(9, "after stop") + "]");
        Thread.sleep(200); // ten idle pauses: a poller still running would have asked again

        assertThat(telegram.pending()).isZero();
        assertThat(host.hasReceived()).isFalse();
        assertThat(channel.isHealthy()).isFalse();
    }

    private void awaitHealth(boolean healthy) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (channel.isHealthy() != healthy) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the channel did not become " + (healthy ? "healthy" : "unhealthy"));
            }
            Thread.sleep(10);
        }
    }
}
