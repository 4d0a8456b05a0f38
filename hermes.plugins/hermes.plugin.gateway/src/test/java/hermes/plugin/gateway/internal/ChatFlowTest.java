package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.Command;
import hermes.api.ContentPart;
import hermes.api.Submission;

class ChatFlowTest {

    @TempDir
    Path home;
    Harness harness;
    FakeChannel telegram;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(home).allow("42");
        telegram = harness.channel("telegram");
        harness.start().live(telegram);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void anAllowedDirectMessageIsAnsweredInItsChatAsAReply() {
        telegram.host().receive(new Channel.Inbound(Harness.group("telegram", "42", "42"), "m-1", "hi", List.of()));

        Eventually.until("the answer was sent", () -> !telegram.sent.isEmpty());
        assertThat(telegram.sent).containsExactly(new Channel.Outbound("42", Optional.empty(), Optional.of("m-1"),
                "echo: hi", List.of()));
        assertThat(harness.runtime.opened).singleElement().satisfies(spec -> assertThat(spec.caller()).isEqualTo(
                new Caller("telegram", Optional.of("42"), Optional.empty(), Optional.of("42"),
                        Caller.Trust.AUTHORIZED)));
    }

    @Test
    void receiveReturnsAtOnceWhileATurnRuns() {
        harness.runtime.script = FakeSession.Turn::untilInterrupted;
        telegram.dm("42", "think long");
        Eventually.until("the turn runs", () -> harness.runtime.userTexts.contains("think long"));

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            telegram.dm("42", "more " + i);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void groupMessagesFromUnknownUsersAreIgnoredSilently() throws Exception {
        telegram.receive(Harness.group("telegram", "-100", "7"), "hello bot");
        telegram.dm("42", "ping");

        Eventually.until("the allowed user was answered", () -> telegram.texts().contains("echo: ping"));
        assertThat(telegram.texts()).containsExactly("echo: ping");
        assertThat(harness.runtime.userTexts).containsExactly("ping");
        assertThat(home.resolve("platforms/pairing/telegram-pending.json")).doesNotExist();
    }

    @Test
    void anUnknownDirectMessageGetsAPairingCodeAndIsAnsweredOnceApproved() throws Exception {
        telegram.dm("7", "hello?");
        Eventually.until("the pairing code was sent", () -> !telegram.sent.isEmpty());
        telegram.dm("7", "anyone?");

        Matcher code = Pattern.compile("Your pairing code: ([A-Z2-9]{8})").matcher(telegram.texts().getFirst());
        assertThat(code.find()).isTrue();
        assertThat(telegram.texts().getFirst()).contains("hermes pairing approve telegram " + code.group(1));
        RecordingContext owner = new RecordingContext();
        new PairingCommand(PairingStore.in(home)).run("approve telegram " + code.group(1), owner);
        assertThat(owner.text()).isEqualTo("Approved telegram user 7: their next message is answered.");
        assertThat(harness.runtime.opened).as("nothing reached the runtime before approval").isEmpty();
        assertThat(telegram.sent).as("the second message got no second code").hasSize(1);

        telegram.dm("7", "hello again");
        Eventually.until("the paired user was answered", () -> telegram.texts().contains("echo: hello again"));
        assertThat(harness.runtime.userTexts).containsExactly("hello again");
    }

    @Test
    void withIgnoreAnUnknownDirectMessageGetsNoCode() {
        harness.config.set("unauthorized_dm_behavior", "ignore");
        telegram.dm("7", "hello?");
        telegram.dm("42", "ping");

        Eventually.until("the allowed user was answered", () -> telegram.texts().contains("echo: ping"));
        assertThat(telegram.texts()).containsExactly("echo: ping");
    }

    @Test
    void aMessageDuringATurnInterruptsItByDefault() {
        harness.runtime.script = turn -> {
            if (turn.text().equals("long")) {
                turn.untilInterrupted();
            }
            turn.answer("echo: " + turn.text());
        };
        telegram.dm("42", "long");
        Eventually.until("the long turn runs", () -> harness.runtime.userTexts.contains("long"));

        telegram.dm("42", "short");

        Eventually.until("the second message was answered", () -> telegram.texts().contains("echo: short"));
        assertThat(telegram.texts()).containsExactly("echo: short");
        assertThat(harness.runtime.last().submissions).extracting(submission -> submission.getClass().getSimpleName())
                .containsExactly("UserTurn", "Interrupt", "UserTurn");
    }

    @Test
    void inQueueModeAMessageWaitsBehindTheRunningTurn() throws Exception {
        harness.config.set("display.busy_input_mode", "queue");
        CountDownLatch release = new CountDownLatch(1);
        harness.runtime.script = turn -> {
            if (turn.text().equals("slow")) {
                release.await();
            }
            turn.answer("echo: " + turn.text());
        };
        telegram.dm("42", "slow");
        Eventually.until("the slow turn runs", () -> harness.runtime.userTexts.contains("slow"));
        telegram.dm("42", "next");
        Eventually.until("the second turn is queued", () -> harness.runtime.last().submissions.size() == 2);

        release.countDown();

        Eventually.until("both were answered", () -> telegram.sent.size() == 2);
        assertThat(telegram.texts()).containsExactly("echo: slow", "echo: next");
        assertThat(harness.runtime.last().submissions).noneMatch(Submission.Interrupt.class::isInstance);
    }

    @Test
    void stopEndsTheRunningTurnWithoutStartingAnother() {
        harness.runtime.script = FakeSession.Turn::untilInterrupted;
        telegram.dm("42", "long");
        Eventually.until("the long turn runs", () -> harness.runtime.userTexts.contains("long"));

        telegram.dm("42", "/stop");

        Eventually.until("the stop was confirmed", () -> telegram.texts().contains("⏹ Stopped the running turn."));
        assertThat(harness.runtime.last().submissions).extracting(submission -> submission.getClass().getSimpleName())
                .containsExactly("UserTurn", "Interrupt");
        telegram.dm("42", "/stop");
        Eventually.until("nothing runs", () -> telegram.texts().contains("Nothing is running."));
    }

    @Test
    void approvalsAreAskedInTheChatAndAnsweredFromIt() {
        harness.runtime.script = turn -> turn.answer("ran with " + turn.approve("rm -rf build"));
        telegram.dm("42", "clean up");
        Eventually.until("the question was sent", () -> telegram.texts().stream()
                .anyMatch(text -> text.startsWith("⚠️ Approval needed to run:\nrm -rf build\nReason: dangerous")));
        assertThat(telegram.texts().getFirst()).contains("/approve", "/approve session", "/deny");

        telegram.dm("42", "/approve session");

        Eventually.until("the turn finished", () -> telegram.texts().contains("ran with SESSION"));
        assertThat(telegram.texts().subList(1, 3)).containsExactly("✅ Approved for this conversation: rm -rf build",
                "ran with SESSION");

        telegram.dm("42", "clean again");
        Eventually.until("asked again", () -> telegram.texts().stream().filter(text -> text.startsWith("⚠️"))
                .count() == 2);
        telegram.dm("42", "/deny");
        Eventually.until("denied", () -> telegram.texts().contains("ran with DENY"));
        telegram.dm("42", "/approve");
        Eventually.until("nothing waits", () -> telegram.texts().contains("Nothing is waiting for approval."));
    }

    @Test
    void aSilentAnswerSendsNothing() {
        harness.runtime.script = turn -> turn.answer(turn.text().equals("quiet") ? "[SILENT]" : "loud answer");
        telegram.dm("42", "quiet");
        telegram.dm("42", "speak");

        Eventually.until("the second was answered", () -> telegram.texts().contains("loud answer"));
        assertThat(telegram.texts()).containsExactly("loud answer");
        assertThat(harness.runtime.userTexts).containsExactly("quiet", "speak");
    }

    @Test
    void mediaLinesAreDeliveredAsAttachments() {
        harness.runtime.script = turn -> turn.answer("Your chart\nMEDIA:/tmp/chart.png");
        telegram.dm("42", "chart please");

        Eventually.until("answered", () -> !telegram.sent.isEmpty());
        assertThat(telegram.sent.getFirst().text()).isEqualTo("Your chart");
        assertThat(telegram.sent.getFirst().attachments()).containsExactly(new ContentPart.Image("image/png",
                Path.of("/tmp/chart.png").toUri().toString()));
    }

    @Test
    void newStartsAFreshSessionForTheChat() {
        telegram.dm("42", "one");
        Eventually.until("answered", () -> telegram.texts().contains("echo: one"));
        String first = harness.runtime.last().id();

        telegram.dm("42", "/new");
        telegram.dm("42", "two");

        Eventually.until("answered again", () -> telegram.texts().contains("echo: two"));
        assertThat(telegram.texts()).containsExactly("echo: one", "✨ Started a new conversation.", "echo: two");
        assertThat(harness.runtime.openedSessions).hasSize(2);
        assertThat(harness.runtime.openedSessions.getFirst().closed).isTrue();
        assertThat(harness.runtime.last().id()).isNotEqualTo(first);
    }

    @Test
    void statusDescribesTheChatsSession() {
        telegram.dm("42", "one");
        Eventually.until("answered", () -> telegram.texts().contains("echo: one"));

        telegram.dm("42", "/status");

        Eventually.until("status sent", () -> telegram.sent.size() == 2);
        assertThat(telegram.texts().getLast()).isEqualTo("Session key: agent:main:telegram:dm:42\nSession: "
                + harness.runtime.last().id() + "\nModel: fake:model\nTokens so far: 0\nState: idle");
    }

    @Test
    void registeredCommandsRunInTheChatButCliOnlyOnesDoNot() {
        harness.gateway.commands().add("title", () -> Optional.of(command("title", false, (arguments, context) ->
                context.reply("title of " + context.session().orElseThrow().id() + " is " + arguments))));
        harness.gateway.commands().add("quit", () -> Optional.of(command("quit", true, (arguments, context) ->
                context.reply("bye"))));

        telegram.dm("42", "/title Trip plans");
        telegram.dm("42", "/quit");
        telegram.dm("42", "/etc/hosts looks wrong");

        Eventually.until("all answered", () -> telegram.sent.size() == 3);
        assertThat(telegram.texts()).containsExactly("title of " + harness.runtime.last().id() + " is Trip plans",
                "echo: /quit", "echo: /etc/hosts looks wrong");
    }

    @Test
    void aFailingCommandSaysSoInTheChat() {
        harness.gateway.commands().add("boom", () -> Optional.of(command("boom", false, (arguments, context) -> {
            throw new IllegalArgumentException("no such thing");
        })));

        telegram.dm("42", "/boom");

        Eventually.until("answered", () -> telegram.texts().contains("/boom failed: no such thing"));
    }

    @Test
    void theNextMessageAnswersAClarifyingQuestion() {
        harness.runtime.script = turn -> turn.answer("branch " + turn.ask("Which branch?"));
        telegram.dm("42", "deploy");
        Eventually.until("asked", () -> telegram.texts().contains("❓ Which branch?"));

        telegram.dm("42", "main");

        Eventually.until("answered", () -> telegram.texts().contains("branch main"));
        assertThat(harness.runtime.userTexts).containsExactly("deploy");
    }

    @Test
    void groupMembersHaveTheirOwnSessionsByDefault() throws Exception {
        harness.config.secret(GatewaySettings.GATEWAY_ALLOWED_USERS, "42,43");
        telegram.receive(Harness.group("telegram", "-100", "42"), "from 42");
        telegram.receive(Harness.group("telegram", "-100", "43"), "from 43");

        Eventually.until("both answered", () -> telegram.sent.size() == 2);
        assertThat(harness.runtime.openedSessions).hasSize(2);
        assertThat(telegram.sent).allMatch(message -> message.chatId().equals("-100"));
        harness.gateway.stop();
        assertThat(Files.readString(home.resolve("sessions/sessions.json")))
                .contains("\"agent:main:telegram:group:-100:42\"", "\"agent:main:telegram:group:-100:43\"");
    }

    private interface Body {
        void run(String arguments, Command.Context context) throws Exception;
    }

    private static Command command(String name, boolean cliOnly, Body body) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return name + " for the test";
            }

            @Override
            public boolean cliOnly() {
                return cliOnly;
            }

            @Override
            public void run(String arguments, Context context) throws Exception {
                body.run(arguments, context);
            }
        };
    }
}
