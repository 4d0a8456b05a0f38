package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Channel;

class MessengerTest {

    @TempDir
    Path home;

    private static Channel.Outbound message(String chat, String text) {
        return new Channel.Outbound(chat, Optional.of("7"), Optional.empty(), text, List.of());
    }

    @Test
    void aMessageSentOutsideAConversationIsDeliveredToItsChatThroughTheOutbox() throws Exception {
        try (Harness harness = new Harness(home)) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            GatewayMessenger messenger = new GatewayMessenger(harness.gateway);

            messenger.send("telegram", message("-100", "daily report"));

            Eventually.until("delivered", () -> telegram.sent.size() == 1);
            assertThat(telegram.sent).containsExactly(message("-100", "daily report"));
            assertThat(harness.gateway.unsentReplies()).contains(0);
        }
    }

    @Test
    void aMessageForAPlatformThatIsDownWaitsInTheOutboxAndGoesOutInOrderWhenItRecovers() throws Exception {
        try (Harness harness = new Harness(home)) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            telegram.sendsFail.set(true);
            GatewayMessenger messenger = new GatewayMessenger(harness.gateway);

            messenger.send("telegram", message("-100", "first"));
            messenger.send("telegram", message("-100", "second"));
            Eventually.until("both stored", () -> harness.gateway.unsentReplies().orElse(0) == 2);
            telegram.sendsFail.set(false);

            Eventually.until("both delivered", () -> telegram.sent.size() == 2);
            assertThat(telegram.texts()).containsExactly("first", "second");
        }
    }

    @Test
    void sendingWhileTheGatewayIsStoppedFailsSoTheCallerCanRecordIt() {
        try (Harness harness = new Harness(home)) {
            GatewayMessenger messenger = new GatewayMessenger(harness.gateway);

            assertThatThrownBy(() -> messenger.send("telegram", message("-100", "lost?")))
                    .isInstanceOf(IOException.class).hasMessageContaining("hermes gateway run");
        }
    }

    @Test
    void theHomeChatComesFromTheSecretFirstThenFromConfig() {
        try (Harness harness = new Harness(home)) {
            GatewayMessenger messenger = new GatewayMessenger(harness.gateway);
            assertThat(messenger.homeChat("telegram")).isEmpty();

            harness.config.set("platforms.telegram.home_channel", Map.of("chat_id", -100123L, "name", "Home"));
            assertThat(messenger.homeChat("telegram")).contains("-100123");

            harness.config.set("platforms.email.home_channel", "me@example.org");
            assertThat(messenger.homeChat("email")).contains("me@example.org");

            harness.config.secret("TELEGRAM_HOME_CHANNEL", " 42 ");
            assertThat(messenger.homeChat("telegram")).contains("42");
        }
    }

    @Test
    void listenersHearWhenTheGatewayStartsAndStops() throws Exception {
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        try (Harness harness = new Harness(home)) {
            harness.gateway.whenRunningChanges(changes::add);
            harness.start();
            assertThat(changes).containsExactly(true);
            harness.gateway.stop();
        }
        assertThat(changes).containsExactly(true, false);
    }
}
