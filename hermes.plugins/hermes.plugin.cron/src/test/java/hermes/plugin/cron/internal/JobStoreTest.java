package hermes.plugin.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

class JobStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T11:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path home;

    @Test
    void aNewJobIsWrittenWithTheOriginalsFieldNames() throws Exception {
        JobStore store = new JobStore(home, CLOCK);
        CronJob job = CronJob.create("Disk check", "Check the disk", List.of("ops"),
                Schedule.parse("every 2h", ZonedDateTime.now(CLOCK)), Optional.empty(), "origin",
                Optional.of(new CronJob.Origin("telegram", Optional.of("-100"), Optional.of("7"))), Optional.empty(),
                Optional.empty(), List.of(), ZonedDateTime.now(CLOCK));

        store.change(jobs -> jobs.add(job));

        Map<String, Object> document = new ObjectMapper().readValue(home.resolve("cron/jobs.json").toFile(),
                new TypeReference<>() { });
        assertThat(document.keySet()).containsExactly("jobs", "updated_at");
        @SuppressWarnings("unchecked")
        Map<String, Object> written = (Map<String, Object>) ((List<?>) document.get("jobs")).getFirst();
        assertThat(written.keySet()).containsExactly("id", "name", "prompt", "skills", "skill", "model", "provider",
                "schedule", "schedule_display", "repeat", "enabled", "state", "paused_at", "paused_reason",
                "created_at", "next_run_at", "last_run_at", "last_status", "last_error", "last_delivery_error",
                "deliver", "origin", "enabled_toolsets");
        assertThat((String) written.get("id")).matches("[0-9a-f]{12}");
        assertThat(written.get("schedule")).isEqualTo(Map.of("kind", "interval", "minutes", 120,
                "display", "every 120m"));
        @SuppressWarnings("unchecked")
        Map<String, Object> repeat = (Map<String, Object>) written.get("repeat");
        assertThat(repeat).containsOnlyKeys("times", "completed")
                .containsEntry("times", null).containsEntry("completed", 0);
        assertThat(written.get("origin")).isEqualTo(Map.of("platform", "telegram", "chat_id", "-100",
                "thread_id", "7"));
        assertThat(written.get("created_at")).isEqualTo("2026-03-10T12:00:00+01:00");
        assertThat(written.get("next_run_at")).isEqualTo("2026-03-10T14:00:00+01:00");
        assertThat(written.get("skill")).isEqualTo("ops");
        assertThat(store.jobs()).extracting(CronJob::fields).containsExactly(written);
        assertThat(store.jobs().getFirst().id()).isEqualTo(job.id());
    }

    @Test
    void aFileTheOriginalWroteRoundTripsWithItsUnknownFieldsIntact() throws Exception {
        Files.createDirectories(home.resolve("cron"));
        String original = """
                {"jobs": [{"id": "a1b2c3d4e5f6", "name": "Morning", "prompt": "Say hi", "skill": "greeter",
                  "schedule": {"kind": "cron", "expr": "0 9 * * *", "display": "0 9 * * *"},
                  "repeat": {"times": null, "completed": 3}, "enabled": true, "state": "scheduled",
                  "next_run_at": "2026-03-11T09:00:00.000123+01:00", "deliver": "telegram",
                  "fire_claim": null, "metadata": {"managed_by": "someone"}, "no_agent": false}],
                 "updated_at": "2026-03-10T08:00:00+01:00"}""";
        Files.writeString(home.resolve("cron/jobs.json"), original);
        JobStore store = new JobStore(home, CLOCK);

        CronJob job = store.jobs().getFirst();
        assertThat(job.skills()).containsExactly("greeter");
        assertThat(job.repeatTimes()).isEmpty();
        assertThat(job.repeatCompleted()).isEqualTo(3);
        assertThat(job.schedule(ZonedDateTime.now(CLOCK))).isInstanceOf(Schedule.Cron.class);
        assertThat(job.nextRunAt(CLOCK.getZone())).contains(java.time.OffsetDateTime.parse(
                "2026-03-11T09:00:00.000123+01:00"));

        store.change(jobs -> jobs.set(0, jobs.getFirst().with(CronJob.NAME, "Morning hello")));

        CronJob rewritten = store.jobs().getFirst();
        assertThat(rewritten.fields()).containsEntry("metadata", Map.of("managed_by", "someone"))
                .containsEntry("fire_claim", null).containsEntry("no_agent", false)
                .containsEntry("name", "Morning hello");
        assertThat(rewritten.fields().keySet()).startsWith("id", "name", "prompt", "skill", "schedule");
    }

    @Test
    void writesAreAtomicOwnerOnlyAndLeaveNoTemporaryFiles() throws Exception {
        JobStore store = new JobStore(home, CLOCK);
        store.change(jobs -> jobs.add(new CronJob(Map.of("id", "one"))));
        store.change(jobs -> jobs.add(new CronJob(Map.of("id", "two"))));

        try (var files = Files.list(home.resolve("cron"))) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly(".jobs.lock", "jobs.json");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("cron/jobs.json"))))
                .isEqualTo("rw-------");
        assertThat(store.jobs()).extracting(CronJob::id).containsExactly("one", "two");
    }

    @Test
    void aRefusedChangeWritesNothing() throws Exception {
        JobStore store = new JobStore(home, CLOCK);
        store.change(jobs -> jobs.add(new CronJob(Map.of("id", "one"))));

        assertThatThrownBy(() -> store.change(jobs -> {
            jobs.clear();
            throw new IllegalArgumentException("no");
        })).hasMessage("no");
        assertThat(store.jobs()).hasSize(1);
    }

    @Test
    void aBrokenFileIsReportedWithTheWayOut() throws Exception {
        Files.createDirectories(home.resolve("cron"));
        Files.writeString(home.resolve("cron/jobs.json"), "{\"jobs\": [");

        assertThatThrownBy(() -> new JobStore(home, CLOCK).jobs()).hasMessageContaining("jobs.json is not valid JSON")
                .hasMessageContaining("move it away");
    }

    @Test
    void aBareListIsReadAsTheJobs() throws Exception {
        Files.createDirectories(home.resolve("cron"));
        Files.writeString(home.resolve("cron/jobs.json"), "[{\"id\": \"x\", \"prompt\": \"p\"}]");

        assertThat(new JobStore(home, CLOCK).jobs()).extracting(CronJob::id).containsExactly("x");
    }
}
