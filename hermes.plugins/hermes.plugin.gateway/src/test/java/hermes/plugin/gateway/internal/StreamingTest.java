package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Channel;
import hermes.api.Event;

/** What a chat sees while a turn runs: typing, and the answer growing in one message that the outbox finishes. */
class StreamingTest {

    @TempDir
    Path home;

    private static Harness streaming(Harness harness) {
        harness.config.set(GatewaySettings.STREAMING_EDIT_INTERVAL, 0.02);
        harness.config.set(GatewaySettings.STREAMING_BUFFER_THRESHOLD, 10);
        return harness;
    }

    private static void write(FakeSession.Turn turn, String text) {
        turn.emit(new Event.TextDelta(text));
    }

    @Test
    void typingShowsAtOnceRepeatsWhileTheTurnRunsAndStopsWhenItEnds() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            CountDownLatch release = new CountDownLatch(1);
            harness.runtime.script = turn -> {
                release.await();
                turn.answer("done");
            };

            telegram.dm("42", "work");
            Eventually.until("typing repeats", () -> telegram.typings.get() >= 3);
            release.countDown();
            Eventually.until("answered", () -> telegram.texts().contains("done"));
            int afterTurn = telegram.typings.get();
            Thread.sleep(Harness.TYPING.multipliedBy(5).toMillis());

            assertThat(telegram.typings.get()).as("at most a beat already under way")
                    .isLessThanOrEqualTo(afterTurn + 1);
        }
    }

    @Test
    void theAnswerGrowsInOnePreviewThatTheFinalAnswerReplaces() throws Exception {
        try (Harness harness = streaming(new Harness(home).allow("42"))) {
            FakeChannel telegram = liveEditingTelegram(harness);
            harness.runtime.script = turn -> {
                write(turn, "Short");
                write(turn, " and sweet");
                Eventually.until("the preview shows", () -> !telegram.sent.isEmpty());
                write(turn, ", more to come");
                Eventually.until("the preview grew", () -> telegram.log.contains(
                        "edit m1: Short and sweet, more to come ▉"));
                turn.answer("Short and sweet, more to come. Done.");
            };

            telegram.host().receive(new Channel.Inbound(Harness.group("telegram", "42", "42"), "in-1", "go",
                    List.of()));

            Eventually.until("the final answer is in the preview", () -> telegram.log.contains(
                    "edit m1: Short and sweet, more to come. Done."));
            assertThat(telegram.sent).containsExactly(new Channel.Outbound("42", Optional.empty(), Optional.of("in-1"),
                    "Short and sweet ▉", List.of()));
            assertThat(telegram.log).first().isEqualTo("send m1: Short and sweet ▉");
            assertThat(telegram.log).last().isEqualTo("edit m1: Short and sweet, more to come. Done.");
            Eventually.until("the reply is marked delivered", () -> harness.gateway.unsentReplies().orElse(-1) == 0);
        }
    }

    @Test
    void textAfterToolCallsReplacesWhatThePreviewShowed() throws Exception {
        try (Harness harness = streaming(new Harness(home).allow("42"))) {
            FakeChannel telegram = liveEditingTelegram(harness);
            harness.runtime.script = turn -> {
                write(turn, "Let me look at the files.");
                Eventually.until("the preview shows", () -> !telegram.sent.isEmpty());
                turn.emit(new Event.ToolStarted("c1", "read_file", "{}"));
                write(turn, "It is 42");
                write(turn, ", clearly.");
                Eventually.until("the preview shows the new text", () -> telegram.log.contains(
                        "edit m1: It is 42, clearly. ▉"));
                turn.answer("It is 42, clearly.");
            };

            telegram.dm("42", "what is it?");

            Eventually.until("the final answer is in the preview", () -> telegram.log.contains(
                    "edit m1: It is 42, clearly."));
            assertThat(telegram.texts()).containsExactly("Let me look at the files. ▉");
        }
    }

    @Test
    void aFinalEditThatFailedIsRetriedAfterARestartAsAnEditOfThePreview() throws Exception {
        FakeRuntime runtime = new FakeRuntime();
        FakeTime time = new FakeTime(Instant.parse("2025-03-10T12:00:00Z"));
        try (Harness before = streaming(new Harness(home, runtime, time).allow("42"))) {
            FakeChannel down = before.channel("telegram");
            down.edits = true;
            before.start().live(down);
            runtime.script = turn -> {
                write(turn, "The first part of it");
                Eventually.until("the preview shows", () -> !down.sent.isEmpty());
                down.editsFail.set(true);
                turn.answer("The whole answer");
            };
            down.dm("42", "go");
            Eventually.until("the final edit waits in the outbox", () -> before.gateway.unsentReplies().orElse(0) == 1);
        }

        FakeChannel up = new FakeChannel("telegram");
        up.edits = true;
        try (Harness after = new Harness(home, runtime, time)) {
            after.config.set("platforms.telegram.enabled", true);
            after.gateway.addChannel(up);
            after.start();
            Eventually.until("delivered after the restart", () -> !up.edited.isEmpty());
            Eventually.until("marked delivered", () -> after.gateway.unsentReplies().orElse(-1) == 0);
        }
        assertThat(up.edited).containsExactly(new FakeChannel.Edit("42", "m1", "The whole answer"));
        assertThat(up.sent).as("the answer is not sent a second time").isEmpty();
    }

    @Test
    void aPreviewThatCanNoLongerBeEditedGetsTheAnswerAsANewMessage() throws Exception {
        try (Harness harness = streaming(new Harness(home).allow("42"))) {
            FakeChannel telegram = liveEditingTelegram(harness);
            harness.runtime.script = turn -> {
                write(turn, "The first part of it");
                Eventually.until("the preview shows", () -> !telegram.sent.isEmpty());
                telegram.editsRefused.set(true);
                turn.answer("The whole answer");
            };

            telegram.dm("42", "go");

            Eventually.until("the answer is sent", () -> telegram.texts().contains("The whole answer"));
            assertThat(telegram.texts()).containsExactly("The first part of it ▉", "The whole answer");
        }
    }

    @Test
    void aSilentAnswerAfterAPreviewOnlyTakesTheCursorOff() throws Exception {
        try (Harness harness = streaming(new Harness(home).allow("42"))) {
            FakeChannel telegram = liveEditingTelegram(harness);
            harness.runtime.script = turn -> {
                write(turn, "Let me think about this");
                Eventually.until("the preview shows", () -> !telegram.sent.isEmpty());
                turn.emit(new Event.ToolStarted("c1", "memory", "{}"));
                write(turn, "[SILENT]");
                turn.answer("[SILENT]");
            };

            telegram.dm("42", "fyi");

            Eventually.until("the cursor is gone", () -> telegram.log.contains("edit m1: Let me think about this"));
            assertThat(telegram.log).containsExactly("send m1: Let me think about this ▉",
                    "edit m1: Let me think about this");
            assertThat(harness.gateway.unsentReplies()).contains(0);
        }
    }

    @Test
    void aChannelThatCannotEditGetsTheAnswerWhole() throws Exception {
        try (Harness harness = streaming(new Harness(home).allow("42"))) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram);
            harness.runtime.script = turn -> {
                write(turn, "A long enough piece of the answer");
                turn.answer("A long enough piece of the answer.");
            };

            telegram.dm("42", "go");

            Eventually.until("answered", () -> !telegram.sent.isEmpty());
            assertThat(telegram.log).containsExactly("send m1: A long enough piece of the answer.");
        }
    }

    @Test
    void streamingSwitchedOffForThePlatformSendsTheAnswerWhole() throws Exception {
        try (Harness harness = streaming(new Harness(home).allow("42"))) {
            harness.config.set(GatewaySettings.PLATFORM_STREAMING.formatted("telegram"), false);
            FakeChannel telegram = liveEditingTelegram(harness);
            harness.runtime.script = turn -> {
                write(turn, "A long enough piece of the answer");
                turn.answer("A long enough piece of the answer.");
            };

            telegram.dm("42", "go");

            Eventually.until("answered", () -> !telegram.sent.isEmpty());
            assertThat(telegram.log).containsExactly("send m1: A long enough piece of the answer.");
        }
    }

    /** A Telegram channel that can edit, live in the started gateway. */
    private static FakeChannel liveEditingTelegram(Harness harness) throws Exception {
        FakeChannel telegram = harness.channel("telegram");
        telegram.edits = true;
        harness.start().live(telegram);
        return telegram;
    }
}
