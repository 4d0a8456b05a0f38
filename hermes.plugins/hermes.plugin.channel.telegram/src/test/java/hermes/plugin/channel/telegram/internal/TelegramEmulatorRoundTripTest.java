package hermes.plugin.channel.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.testing.TelegramEmulator;

import hermes.api.Caller;
import hermes.api.Channel;

/**
 * A real round trip through {@code telegram-test-api}: a user's message reaches the host through {@code getUpdates},
 * and the channel's reply reaches the user. The emulator does not long-poll, which the channel must cope with. It
 * has no {@code sendChatAction}, so typing is covered against {@link FakeTelegram} only.
 */
class TelegramEmulatorRoundTripTest {

    private static final String TOKEN = "4242:emulated";
    private static final long USER = 555;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TelegramEmulator emulator;

    private final TelegramChannel channel = new TelegramChannel(new Pacing(Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofSeconds(1), 5));
    private TestHost host;

    @AfterAll
    static void stopEmulator() throws InterruptedException {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Starts the emulator on first use, here rather than in a {@code @BeforeAll}, so a skip is reported per test. */
    @BeforeEach
    void startChannel() throws Exception {
        if (emulator == null) {
            org.junit.jupiter.api.Assumptions.assumeTrue(TelegramEmulator.available(), TelegramEmulator.UNAVAILABLE);
            emulator = TelegramEmulator.start();
        }
        host = new TestHost(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_BASE_URL", emulator.baseUrl(),
                "platforms.telegram.poll_timeout", "1"));
        channel.start(host);
    }

    @AfterEach
    void stopChannel() {
        channel.stop();
    }

    @Test
    void aUsersMessageReachesTheHostAndTheReplyReachesTheUser() throws Exception {
        emulator.userSends(TOKEN, USER, "hello bot");

        Channel.Inbound inbound = host.next(WAIT);
        assertThat(inbound.caller()).isEqualTo(new Caller("telegram", Optional.of("555"), Optional.empty(),
                Optional.of("555"), Caller.Trust.AUTHORIZED));
        assertThat(inbound.text()).isEqualTo("hello bot");
        assertThat(inbound.attachments()).isEmpty();

        String sentId = channel.send(new Channel.Outbound("555", Optional.empty(), Optional.of(inbound.messageId()),
                "hello human", List.of()));

        JsonNode received = emulator.userReceives(TOKEN, USER);
        assertThat(received).hasSize(1);
        JsonNode message = received.get(0);
        assertThat(message.path("message").path("text").asText()).isEqualTo("hello human");
        assertThat(message.path("message").path("reply_parameters").path("message_id").asText())
                .isEqualTo(inbound.messageId());
        assertThat(message.path("messageId").asText()).isEqualTo(sentId);
        assertThat(channel.isHealthy()).isTrue();
    }

    @Test
    void aLongReplyArrivesAsSeveralMessagesInOrder() throws Exception {
        String text = "x".repeat(4096) + "\n" + "tail";

        channel.send(new Channel.Outbound("555", Optional.empty(), Optional.empty(), text, List.of()));

        JsonNode received = emulator.userReceives(TOKEN, USER);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).path("message").path("text").asText()).isEqualTo("x".repeat(4096));
        assertThat(received.get(1).path("message").path("text").asText()).isEqualTo("tail");
    }

    /** The emulator keeps a bot message until the user reads it, and an edit changes the kept message. */
    @Test
    void anEditedPreviewReachesTheUserWithTheFinalText() throws Exception {
        String previewId = channel.send(new Channel.Outbound("555", Optional.empty(), Optional.empty(),
                "the answer so far ▉", List.of()));

        channel.edit("555", previewId, "the whole answer");

        JsonNode received = emulator.userReceives(TOKEN, USER);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("message").path("text").asText()).isEqualTo("the whole answer");
        assertThat(received.get(0).path("messageId").asText()).isEqualTo(previewId);
    }

    @Test
    void messagesSentWhileTheChannelWasDownArriveAfterItRestarts() throws Exception {
        channel.stop();
        emulator.userSends(TOKEN, USER, "are you there?");

        channel.start(host);

        assertThat(host.next(WAIT).text()).isEqualTo("are you there?");
    }
}
