package hermes.plugin.cron.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tick of the scheduler (reference §13): under the cross-process lock {@code cron/.tick.lock} (held by another
 * process: the tick is skipped), find the due jobs, run each as a fresh agent session, write its output file, deliver
 * its answer, and record the result on the job. Nothing fails silently: a run error goes to {@code last_error} and to
 * the target chat, a delivery error to {@code last_delivery_error}, a run cut off by a crash is recorded on the next
 * tick.
 *
 * <p>A recurring job's next time is set when it is claimed, before it runs, so a crash mid-run never makes it fire
 * twice in a row. Due jobs of one tick run in parallel; the tick returns when all are done.
 *
 * <p>Threading: one tick at a time per process (the lock makes it one per home).
 */
final class CronScheduler {

    /** What a tick did. */
    record Tick(boolean skipped, List<String> ran) {
        static Tick skippedTick() {
            return new Tick(true, List.of());
        }
    }

    private static final System.Logger LOG = System.getLogger(CronScheduler.class.getName());
    private static final DateTimeFormatter OUTPUT_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final JobStore store;
    private final JobRunner runner;
    private final Delivery delivery;
    private final CronSettings settings;
    private final Clock clock;

    CronScheduler(JobStore store, JobRunner runner, Delivery delivery, CronSettings settings, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the due jobs, or skips when another tick holds the lock. */
    Tick tick() throws InterruptedException {
        Optional<FileLock> lock;
        try {
            lock = FileLock.tryTake(store.cronDirectory().resolve(".tick.lock"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cron tick skipped: " + e.getMessage());
            return Tick.skippedTick();
        }
        if (lock.isEmpty()) {
            return Tick.skippedTick();
        }
        try (FileLock held = lock.get()) {
            ZonedDateTime now = ZonedDateTime.now(clock);
            List<CronJob> due = store.change(jobs -> claimDue(jobs, now));
            runAll(due);
            return new Tick(false, due.stream().map(CronJob::id).toList());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cron tick failed: " + e.getMessage());
            return new Tick(false, List.of());
        }
    }

    private void runAll(List<CronJob> due) throws InterruptedException {
        List<Thread> runs = new ArrayList<>();
        for (CronJob job : due) {
            runs.add(Thread.ofVirtual().name("hermes-cron-" + job.id()).start(() -> runOne(job)));
        }
        try {
            for (Thread run : runs) {
                run.join();
            }
        } catch (InterruptedException e) {
            // the gateway stops: each run interrupts its session and records that it was cut off
            runs.forEach(Thread::interrupt);
            for (Thread run : runs) {
                run.join(STOP_WAIT);
            }
            throw e;
        }
    }

    /** Marks due jobs running (advancing recurring ones) and records runs a crash cut off; returns the due jobs. */
    private List<CronJob> claimDue(List<CronJob> jobs, ZonedDateTime now) {
        List<CronJob> due = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            CronJob job = jobs.get(i);
            if (job.state().equals(CronJob.RUNNING)) {
                // this tick holds the lock, so no run is in progress: the one that marked it died
                job = job.with(Map.of(CronJob.STATE, CronJob.SCHEDULED, CronJob.LAST_STATUS, "error",
                        CronJob.LAST_ERROR, "the run was cut off (the gateway stopped or crashed while it ran)"));
            }
            if (!job.enabled() || !job.state().equals(CronJob.SCHEDULED)) {
                jobs.set(i, job);
                continue;
            }
            Optional<Boolean> isDue = job.nextRunAt(clock.getZone()).map(at -> !at.toInstant()
                    .isAfter(now.toInstant()));
            if (isDue.orElse(false)) {
                try {
                    Schedule schedule = job.schedule(now);
                    Map<String, Object> claim = new LinkedHashMap<>();
                    claim.put(CronJob.STATE, CronJob.RUNNING);
                    if (!(schedule instanceof Schedule.Once)) {
                        claim.put(CronJob.NEXT_RUN_AT, schedule.nextRun(now).map(CronJob::iso).orElse(null));
                    }
                    job = job.with(claim);
                    due.add(job);
                } catch (IllegalArgumentException e) {
                    Map<String, Object> broken = new LinkedHashMap<>();
                    broken.put(CronJob.ENABLED, false);
                    broken.put(CronJob.STATE, CronJob.PAUSED);
                    broken.put(CronJob.PAUSED_REASON, "invalid schedule");
                    broken.put(CronJob.LAST_STATUS, "error");
                    broken.put(CronJob.LAST_ERROR, "paused: " + e.getMessage() + "; fix it with cron edit --schedule");
                    job = job.with(broken);
                }
            }
            jobs.set(i, job);
        }
        return due;
    }

    private void runOne(CronJob job) {
        ZonedDateTime started = ZonedDateTime.now(clock);
        Optional<String> deliveryError = Optional.empty();
        Delivery.Target target;
        try {
            target = delivery.target(job);
        } catch (IllegalStateException e) {
            deliveryError = Optional.of(e.getMessage());
            target = new Delivery.Local();
        }
        JobRunner.Outcome outcome;
        boolean interrupted = false;
        try {
            outcome = runner.run(job, target.describe());
        } catch (InterruptedException e) {
            interrupted = true;
            outcome = JobRunner.Outcome.failed("the gateway stopped while the job ran");
        }
        Optional<String> error = outcome.error();
        try {
            writeOutput(job, started, outcome);
        } catch (IOException e) {
            error = Optional.of(error.map(text -> text + "; ").orElse("") + "the output file could not be written: "
                    + e.getMessage());
        }
        if (!interrupted) {
            Optional<String> sendError = deliver(job, target, outcome);
            if (sendError.isPresent()) {
                deliveryError = sendError;
            }
        }
        record(job, started, error, deliveryError, interrupted);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the answer (or the failure) to the target; returns the delivery error, if any. */
    private Optional<String> deliver(CronJob job, Delivery.Target target, JobRunner.Outcome outcome) {
        String text;
        if (outcome.error().isPresent()) {
            text = CronPrompt.failure(job, outcome.error().get());
        } else if (outcome.answer().isBlank() || outcome.answer().stripLeading().startsWith(CronPrompt.SILENT)) {
            return Optional.empty();
        } else {
            text = CronPrompt.delivered(job, outcome.answer(), settings.wrapResponse());
        }
        try {
            delivery.send(target, text);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cron job " + job.id() + " could not be delivered: "
                    + e.getMessage());
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void writeOutput(CronJob job, ZonedDateTime started, JobRunner.Outcome outcome) throws IOException {
        if (!job.id().matches("[A-Za-z0-9_-]+")) {
            throw new IOException("the job id '" + job.id() + "' cannot name a directory");
        }
        Path directory = store.cronDirectory().resolve("output").resolve(job.id());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(started.format(OUTPUT_NAME) + ".md"), CronPrompt.output(job,
                CronJob.iso(started), outcome.answer(), outcome.error().orElse("")));
    }

    /** Records the run on the job: status, errors, counters, and whether it is done. */
    private void record(CronJob ran, ZonedDateTime started, Optional<String> error, Optional<String> deliveryError,
                        boolean interrupted) {
        // the interrupt flag would close the lock file's channel; it is set again by the caller
        boolean wasInterrupted = Thread.interrupted();
        try {
            store.change(jobs -> {
                Optional<CronJob> current = jobs.stream().filter(job -> job.id().equals(ran.id())).findFirst();
                current.ifPresent(job -> jobs.set(jobs.indexOf(job), recorded(job, started, error, deliveryError,
                        interrupted)));
                return current.isPresent();
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "the result of cron job " + ran.id() + " could not be recorded ("
                    + error.orElse("ok") + "): " + e.getMessage());
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CronJob recorded(CronJob job, ZonedDateTime started, Optional<String> error,
                             Optional<String> deliveryError, boolean interrupted) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(CronJob.LAST_RUN_AT, CronJob.iso(started));
        fields.put(CronJob.LAST_STATUS, error.isPresent() ? "error" : "ok");
        fields.put(CronJob.LAST_ERROR, error.orElse(null));
        fields.put(CronJob.LAST_DELIVERY_ERROR, deliveryError.orElse(null));
        if (interrupted) {
            // not counted: a one-shot keeps its past time and runs when the gateway is back
            fields.put(CronJob.STATE, job.state().equals(CronJob.RUNNING) ? CronJob.SCHEDULED : job.state());
            return job.with(fields);
        }
        long completed = job.repeatCompleted() + 1;
        fields.put(CronJob.REPEAT, CronJob.repeat(job.repeatTimes(), completed));
        boolean once = job.fields().get(CronJob.SCHEDULE) instanceof Map<?, ?> schedule
                && "once".equals(schedule.get("kind"));
        if (once || job.repeatTimes().map(times -> completed >= times).orElse(false)) {
            fields.put(CronJob.STATE, CronJob.COMPLETED);
            fields.put(CronJob.ENABLED, false);
            fields.put(CronJob.NEXT_RUN_AT, null);
        } else if (job.state().equals(CronJob.RUNNING)) {
            // paused while it ran: stays paused
            fields.put(CronJob.STATE, CronJob.SCHEDULED);
        }
        return job.with(fields);
    }
}
