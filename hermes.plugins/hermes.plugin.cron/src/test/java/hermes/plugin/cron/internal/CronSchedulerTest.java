package hermes.plugin.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.Event;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.testing.FakeConfiguration;

class CronSchedulerTest {

    private static final CronJob.Origin TELEGRAM_TOPIC = new CronJob.Origin("telegram", Optional.of("-100"),
            Optional.of("7"));

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T11:00:00Z"), ZoneId.of("UTC"));
    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeMessenger messenger = new FakeMessenger();
    private FakeConfiguration config;
    private CronHome cron;
    private CronScheduler scheduler;

    @BeforeEach
    void setUp() {
        config = new FakeConfiguration(home).set("cron.wrap_response", false);
        cron = new CronHome(config, clock);
        CronSettings settings = new CronSettings(config);
        scheduler = new CronScheduler(cron.store(), new JobRunner(runtime, settings), new Delivery(messenger),
                settings, clock);
    }

    private CronJob create(String schedule, String deliver, Optional<CronJob.Origin> origin, List<String> skills)
            throws Exception {
        return cron.editor().create(new JobEditor.NewJob("Check the disk", schedule, Optional.of("disk"),
                Optional.empty(), Optional.of(deliver), skills, Optional.empty(), Optional.empty(), List.of(),
                origin));
    }

    /** A recurring job that is due once the clock moved an hour. */
    private CronJob due(String deliver) throws Exception {
        CronJob job = create("every 1h", deliver, Optional.of(TELEGRAM_TOPIC), List.of());
        clock.advance(Duration.ofHours(1));
        return job;
    }

    private CronJob stored(CronJob job) throws Exception {
        return JobEditor.find(cron.store().jobs(), job.id());
    }

    private List<Path> outputs(CronJob job) throws Exception {
        Path directory = home.resolve("cron/output").resolve(job.id());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aDueJobRunsAsAFreshScheduledSessionAndIsDeliveredToItsOrigin() throws Exception {
        config.set("agent.disabled_toolsets", List.of("web"));
        Files.createDirectories(home.resolve("skills/devops/ops"));
        Files.writeString(home.resolve("skills/devops/ops/SKILL.md"), "Use df -h.");
        CronJob job = create("every 1h", "origin", Optional.of(TELEGRAM_TOPIC), List.of("ops"));
        cron.editor().update(job.id(), new JobEditor.Changes(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("claude-sonnet"),
                Optional.of("anthropic"), Optional.of(List.of("terminal", "cronjob"))));
        runtime.script = text -> List.of(FakeRuntime.finished("stop", "Disk is 40% full."));
        clock.advance(Duration.ofHours(1));

        CronScheduler.Tick tick = scheduler.tick();

        assertThat(tick).isEqualTo(new CronScheduler.Tick(false, List.of(job.id())));
        SessionSpec spec = runtime.specs.getFirst();
        assertThat(spec.caller()).isEqualTo(new Caller("cron", Optional.of(job.id()), Optional.empty(),
                Optional.empty(), Caller.Trust.SCHEDULED));
        assertThat(spec.resume()).isEmpty();
        assertThat(spec.model()).contains("anthropic:claude-sonnet");
        assertThat(spec.toolsets()).containsExactly("terminal");
        assertThat(spec.settings()).containsEntry("agent.disabled_toolsets", "web,cronjob");
        String message = runtime.messages.getFirst();
        assertThat(message).contains("[SILENT]").contains("Use df -h.").endsWith("Check the disk");
        assertThat(message.indexOf("Use df -h.")).isLessThan(message.indexOf("Check the disk"));
        assertThat(runtime.closed).hasSize(1);

        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("telegram", new Channel.Outbound("-100",
                Optional.of("7"), Optional.empty(), "Disk is 40% full.", List.of())));
        CronJob after = stored(job);
        assertThat(after.fields()).containsEntry("last_status", "ok").containsEntry("last_error", null)
                .containsEntry("last_delivery_error", null).containsEntry("last_run_at", "2026-03-10T12:00:00Z")
                .containsEntry("next_run_at", "2026-03-10T13:00:00Z").containsEntry("state", "scheduled");
        assertThat(after.repeatCompleted()).isEqualTo(1);
        assertThat(outputs(job)).hasSize(1);
        assertThat(Files.readString(outputs(job).getFirst())).startsWith("# Cron Job: disk")
                .contains("## Response\n\nDisk is 40% full.");
        assertThat(outputs(job).getFirst().getFileName().toString()).isEqualTo("2026-03-10_12-00-00.md");
    }

    @Test
    void jobsThatAreNotDuePausedOrCompletedDoNotRun() throws Exception {
        create("every 1h", "local", Optional.empty(), List.of());
        CronJob paused = due("local");
        cron.editor().pause(paused.id(), Optional.of("holiday"));

        assertThat(scheduler.tick().ran()).hasSize(1);
        assertThat(runtime.specs).hasSize(1);
    }

    @Test
    void deliveryGoesToLocalAHomeChatOrANamedChat() throws Exception {
        messenger.homeChats.put("email", "me@example.org");
        CronJob local = due("local");
        CronJob home = create("every 1h", "email", Optional.empty(), List.of());
        CronJob named = create("every 1h", "telegram:555:12", Optional.empty(), List.of());
        clock.advance(Duration.ofHours(1));

        scheduler.tick();

        assertThat(messenger.sent).extracting(FakeMessenger.Sent::platform, sent -> sent.message().chatId(),
                sent -> sent.message().threadId()).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("email", "me@example.org", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("telegram", "555", Optional.of("12")));
        assertThat(outputs(local)).hasSize(1);
        for (CronJob job : List.of(local, home, named)) {
            assertThat(stored(job).fields()).containsEntry("last_status", "ok")
                    .containsEntry("last_delivery_error", null);
        }
        assertThat(runtime.messages).anySatisfy(text -> assertThat(text).contains("saved to a file only"));
    }

    @Test
    void aPlatformWithoutAHomeChatIsRecordedAsADeliveryError() throws Exception {
        CronJob job = due("discord");

        scheduler.tick();

        assertThat(messenger.sent).isEmpty();
        assertThat(stored(job).fields()).containsEntry("last_status", "ok");
        assertThat(stored(job).text(CronJob.LAST_DELIVERY_ERROR)).hasValueSatisfying(error -> assertThat(error)
                .contains("no home chat for discord").contains("DISCORD_HOME_CHANNEL"));
    }

    @Test
    void anAnswerStartingWithSilentDeliversNothingButIsStillSaved() throws Exception {
        CronJob job = due("origin");
        runtime.script = text -> List.of(FakeRuntime.finished("stop", "[SILENT] nothing new"));

        scheduler.tick();

        assertThat(messenger.sent).isEmpty();
        assertThat(stored(job).fields()).containsEntry("last_status", "ok");
        assertThat(Files.readString(outputs(job).getFirst())).contains("[SILENT] nothing new");
    }

    @Test
    void aFailedRunIsRecordedOnTheJobAndReportedToItsChat() throws Exception {
        CronJob job = due("origin");
        runtime.script = text -> List.of(new Event.Error("the provider refused the key"),
                FakeRuntime.finished("error", ""));

        scheduler.tick();

        assertThat(stored(job).fields()).containsEntry("last_status", "error")
                .containsEntry("last_error", "the run ended with 'error': the provider refused the key")
                .containsEntry("next_run_at", "2026-03-10T13:00:00Z");
        assertThat(messenger.sent).singleElement().satisfies(sent -> assertThat(sent.message().text())
                .isEqualTo("Cron job 'disk' failed: the run ended with 'error': the provider refused the key"));
        assertThat(Files.readString(outputs(job).getFirst())).contains("## Error");
    }

    @Test
    void aDeliveryTheOutboxRefusesIsRecordedOnTheJob() throws Exception {
        CronJob job = due("origin");
        messenger.failing = true;

        scheduler.tick();

        assertThat(stored(job).fields()).containsEntry("last_status", "ok")
                .containsEntry("last_delivery_error", "the outbox of telegram is full");
    }

    @Test
    void aMissingSkillFailsTheRunWithoutCallingTheModel() throws Exception {
        CronJob job = create("every 1h", "local", Optional.empty(), List.of("ghost"));
        clock.advance(Duration.ofHours(1));

        scheduler.tick();

        assertThat(runtime.specs).isEmpty();
        assertThat(stored(job).text(CronJob.LAST_ERROR)).hasValueSatisfying(error -> assertThat(error)
                .contains("the skill 'ghost' is not installed"));
    }

    @Test
    void aRunThatOutlivesTheTimeoutIsInterruptedAndRecorded() throws Exception {
        config.secret("HERMES_CRON_TIMEOUT", "0.2");
        CronJob job = due("local");
        runtime.script = text -> List.of();

        scheduler.tick();

        assertThat(runtime.submissions).last().isInstanceOf(Submission.Interrupt.class);
        assertThat(stored(job).text(CronJob.LAST_ERROR)).hasValueSatisfying(error -> assertThat(error)
                .contains("took longer than 0.2 s"));
    }

    @Test
    void aOneShotCompletesAndAJobWithRepeatsStopsWhenTheyRunOut() throws Exception {
        CronJob once = create("30m", "local", Optional.empty(), List.of());
        CronJob twice = cron.editor().create(new JobEditor.NewJob("p", "every 30m", Optional.empty(),
                Optional.of(2L), Optional.of("local"), List.of(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()));
        clock.advance(Duration.ofMinutes(30));
        scheduler.tick();

        assertThat(stored(once).fields()).containsEntry("state", "completed").containsEntry("enabled", false)
                .containsEntry("next_run_at", null);
        assertThat(stored(twice).state()).isEqualTo("scheduled");

        clock.advance(Duration.ofMinutes(30));
        assertThat(scheduler.tick().ran()).containsExactly(twice.id());
        assertThat(stored(twice).state()).isEqualTo("completed");
        assertThat(stored(twice).repeatCompleted()).isEqualTo(2);

        clock.advance(Duration.ofHours(5));
        assertThat(scheduler.tick().ran()).isEmpty();
    }

    @Test
    void aTickIsSkippedWhileAnotherHoldsTheLock() throws Exception {
        due("local");

        try (FileLock held = FileLock.tryTake(home.resolve("cron/.tick.lock")).orElseThrow()) {
            assertThat(scheduler.tick()).isEqualTo(CronScheduler.Tick.skippedTick());
        }
        assertThat(runtime.specs).isEmpty();
        assertThat(scheduler.tick().ran()).hasSize(1);
    }

    @Test
    void aTickIsSkippedWhileAnotherProcessHoldsTheLock() throws Exception {
        due("local");
        Path lock = home.resolve("cron/.tick.lock");
        Path holder = home.resolve("LockHolder.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class LockHolder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE); var lock = channel.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, holder.toString(), lock.toString()).redirectErrorStream(true)
                .start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))
                    .readLine();
            assertThat(first).isEqualTo("locked");

            assertThat(scheduler.tick().skipped()).isTrue();
            assertThat(runtime.specs).isEmpty();
        } finally {
            process.getOutputStream().close();
            process.waitFor();
        }
        assertThat(scheduler.tick().ran()).hasSize(1);
    }

    @Test
    void aRunACrashCutOffIsRecordedOnTheNextTick() throws Exception {
        CronJob job = create("every 1h", "local", Optional.empty(), List.of());
        cron.store().change(jobs -> jobs.set(0, jobs.getFirst().with(CronJob.STATE, CronJob.RUNNING)));

        scheduler.tick();

        assertThat(stored(job).fields()).containsEntry("state", "scheduled").containsEntry("last_status", "error")
                .containsEntry("last_error", "the run was cut off (the gateway stopped or crashed while it ran)");
    }
}
