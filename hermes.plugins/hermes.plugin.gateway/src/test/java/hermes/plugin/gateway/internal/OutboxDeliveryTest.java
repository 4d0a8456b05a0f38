package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDeliveryTest {

    @TempDir
    Path home;

    @Test
    void aReplyThatFailsThreeTimesIsDeliveredInOrderAfterRecovery() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            telegram.failingSends.set(3);

            telegram.dm("42", "a");
            telegram.dm("42", "b");
            telegram.dm("42", "c");

            Eventually.until("all delivered", () -> telegram.sent.size() == 3);
            assertThat(telegram.texts()).containsExactly("echo: a", "echo: b", "echo: c");
            assertThat(harness.gateway.unsentReplies()).contains(0);
        }
    }

    @Test
    void repliesStoredBeforeARestartAreDeliveredAfterItExactlyOnceInOrder() throws Exception {
        FakeRuntime runtime = new FakeRuntime();
        FakeTime time = new FakeTime(Instant.parse("2025-03-10T12:00:00Z"));
        try (Harness before = new Harness(home, runtime, time).allow("42")) {
            FakeChannel down = before.channel("telegram");
            before.start().live(down);
            down.sendsFail.set(true);
            for (String text : new String[] {"a", "b", "c"}) {
                down.dm("42", text);
            }
            Eventually.until("three replies are stored", () -> before.gateway.unsentReplies().orElse(0) == 3);
            assertThat(down.sent).isEmpty();
        }

        FakeChannel up = new FakeChannel("telegram");
        try (Harness after = new Harness(home, runtime, time)) {
            after.config.set("platforms.telegram.enabled", true);
            after.gateway.addChannel(up);
            after.start();
            Eventually.until("delivered after the restart", () -> up.sent.size() == 3);
            assertThat(up.texts()).containsExactly("echo: a", "echo: b", "echo: c");
        }

        FakeChannel again = new FakeChannel("telegram");
        try (Harness third = new Harness(home, runtime, time)) {
            third.config.set("platforms.telegram.enabled", true);
            third.gateway.addChannel(again);
            third.start().live(again);
            assertThat(third.gateway.unsentReplies()).contains(0);
        }
        assertThat(again.sent).as("nothing is delivered twice").isEmpty();
    }

    @Test
    void repliesWaitWhileTheirChannelIsPausedAndGoOutWhenItIsBack() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            CountDownLatch release = new CountDownLatch(1);
            harness.runtime.script = turn -> {
                release.await();
                turn.answer("done: " + turn.text());
            };
            telegram.dm("42", "work");
            Eventually.until("the turn runs", () -> harness.runtime.userTexts.contains("work"));

            harness.gateway.pause("telegram");
            Eventually.until("paused", () -> harness.gateway.statuses().getFirst().state()
                    instanceof ChannelState.Paused);
            release.countDown();
            Eventually.until("the reply is stored", () -> harness.gateway.unsentReplies().orElse(0) == 1);
            assertThat(telegram.sent).isEmpty();

            harness.gateway.resume("telegram");
            Eventually.until("delivered", () -> telegram.texts().contains("done: work"));
            assertThat(telegram.sent).hasSize(1);
        }
    }

    @Test
    void aSlowChatNeverHoldsUpAnother() throws Exception {
        try (Harness harness = new Harness(home).allow("42,43")) {
            FakeChannel telegram = harness.channel("telegram");
            FakeChannel email = harness.channel("email");
            harness.start().live(telegram);
            harness.live(email);
            telegram.sendsFail.set(true);

            telegram.dm("42", "stuck");
            email.dm("43", "flowing");

            Eventually.until("email delivered", () -> email.texts().contains("echo: flowing"));
            assertThat(telegram.sent).isEmpty();
            telegram.sendsFail.set(false);
            Eventually.until("telegram delivered", () -> telegram.texts().contains("echo: stuck"));
        }
    }

    @Test
    void aReplyThePlatformRefusesIsRecordedAndTheChatsNextReplyStillGoesOut() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            telegram.refusedTexts.add("echo: refused");

            telegram.dm("42", "refused");
            telegram.dm("42", "fine");

            Eventually.until("the next reply went out", () -> telegram.texts().contains("echo: fine"));
            assertThat(telegram.texts()).containsExactly("echo: fine");
            assertThat(harness.gateway.unsentReplies()).contains(0);
            assertThat(harness.gateway.refusedReplies()).contains(1);
        }
    }
}
