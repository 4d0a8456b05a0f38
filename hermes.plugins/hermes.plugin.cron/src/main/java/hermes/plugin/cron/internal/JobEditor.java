package hermes.plugin.cron.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The job actions the {@code cronjob} tool and {@code hermes cron} share: create, update, pause, resume, run, remove.
 * Every change is checked (schedule, delivery target, prompt scan) before anything is written.
 *
 * <p>Threading: any thread.
 */
final class JobEditor {

    /** What a new job is made of; empty options take the original's defaults. */
    record NewJob(String prompt, String schedule, Optional<String> name, Optional<Long> repeat,
                  Optional<String> deliver, List<String> skills, Optional<String> model, Optional<String> provider,
                  List<String> enabledToolsets, Optional<CronJob.Origin> origin) {
    }

    /** What an update changes; empty means unchanged ({@code skills} present and empty clears them). */
    record Changes(Optional<String> prompt, Optional<String> schedule, Optional<String> name, Optional<Long> repeat,
                   Optional<String> deliver, Optional<List<String>> skills, Optional<String> model,
                   Optional<String> provider, Optional<List<String>> enabledToolsets) {
    }

    private static final Pattern TARGET = Pattern.compile("origin|local|[a-z][a-z0-9_]*(:[^:\\s]+(:[^:\\s]+)?)?");
    private static final int NAME_FROM_PROMPT = 50;

    private final JobStore store;
    private final Clock clock;

    JobEditor(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    JobStore store() {
        return store;
    }

    /**
     * Creates a job.
     *
     * @throws IllegalArgumentException when the schedule, target, repeat count or prompt is refused
     */
    CronJob create(NewJob request) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(clock);
        String prompt = checkedPrompt(request.prompt());
        Schedule schedule = Schedule.parse(request.schedule(), now);
        Optional<Long> repeat = checkedRepeat(request.repeat())
                .or(() -> schedule instanceof Schedule.Once ? Optional.of(1L) : Optional.empty());
        String deliver = checkedTarget(request.deliver().orElseGet(
                () -> request.origin().isPresent() ? "origin" : "local"));
        String name = request.name().map(String::strip).filter(n -> !n.isEmpty()).orElseGet(
                () -> prompt.substring(0, Math.min(NAME_FROM_PROMPT, prompt.length())).strip());
        CronJob job = CronJob.create(name, prompt, request.skills(), schedule, repeat, deliver, request.origin(),
                request.model(), request.provider(), request.enabledToolsets(), now);
        store.change(jobs -> jobs.add(job));
        return job;
    }

    /** Applies {@code changes} to job {@code id}. */
    CronJob update(String id, Changes changes) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Map<String, Object> fields = new LinkedHashMap<>();
        changes.prompt().ifPresent(prompt -> fields.put(CronJob.PROMPT, checkedPrompt(prompt)));
        changes.name().ifPresent(name -> fields.put(CronJob.NAME, name.strip()));
        changes.deliver().ifPresent(deliver -> fields.put(CronJob.DELIVER, checkedTarget(deliver)));
        changes.skills().ifPresent(skills -> {
            fields.put(CronJob.SKILLS, List.copyOf(skills));
            fields.put(CronJob.SKILL, skills.isEmpty() ? null : skills.getFirst());
        });
        changes.model().ifPresent(model -> fields.put(CronJob.MODEL, model));
        changes.provider().ifPresent(provider -> fields.put(CronJob.PROVIDER, provider));
        changes.enabledToolsets().ifPresent(toolsets -> fields.put(CronJob.ENABLED_TOOLSETS,
                toolsets.isEmpty() ? null : List.copyOf(toolsets)));
        Optional<Schedule> schedule = changes.schedule().map(text -> Schedule.parse(text, now));
        Optional<Long> repeat = checkedRepeat(changes.repeat());
        return edit(id, job -> {
            CronJob changed = job.with(fields);
            if (schedule.isPresent()) {
                changed = changed.with(Map.of(CronJob.SCHEDULE, schedule.get().toJson(),
                        CronJob.SCHEDULE_DISPLAY, schedule.get().display()))
                        .with(CronJob.NEXT_RUN_AT, schedule.get().firstRun(now).map(CronJob::iso).orElse(null));
            }
            if (repeat.isPresent()) {
                changed = changed.with(CronJob.REPEAT, CronJob.repeat(repeat, job.repeatCompleted()));
            }
            return changed;
        });
    }

    CronJob pause(String id, Optional<String> reason) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(CronJob.ENABLED, false);
        fields.put(CronJob.STATE, CronJob.PAUSED);
        fields.put(CronJob.PAUSED_AT, CronJob.iso(now));
        fields.put(CronJob.PAUSED_REASON, reason.orElse(null));
        return edit(id, job -> job.with(fields));
    }

    /** Resumes a paused job; a recurring job whose time passed meanwhile runs at its next time from now. */
    CronJob resume(String id) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return edit(id, job -> {
            Schedule schedule = job.schedule(now);
            Optional<String> next = job.nextRunAt(clock.getZone())
                    .filter(at -> schedule instanceof Schedule.Once || at.toInstant().isAfter(now.toInstant()))
                    .map(at -> CronJob.iso(at.atZoneSameInstant(clock.getZone())))
                    .or(() -> schedule.firstRun(now).map(CronJob::iso));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(CronJob.ENABLED, true);
            fields.put(CronJob.STATE, CronJob.SCHEDULED);
            fields.put(CronJob.PAUSED_AT, null);
            fields.put(CronJob.PAUSED_REASON, null);
            fields.put(CronJob.NEXT_RUN_AT, next.orElse(null));
            return job.with(fields);
        });
    }

    /** Makes the job due now: the scheduler runs it on its next tick (within a minute while the gateway runs). */
    CronJob runNow(String id) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(CronJob.ENABLED, true);
        fields.put(CronJob.STATE, CronJob.SCHEDULED);
        fields.put(CronJob.NEXT_RUN_AT, CronJob.iso(now));
        return edit(id, job -> job.with(fields));
    }

    CronJob remove(String id) throws IOException {
        return store.change(jobs -> {
            CronJob job = find(jobs, id);
            jobs.remove(job);
            return job;
        });
    }

    /** The job with this id, or else the one job with this name. */
    static CronJob find(List<CronJob> jobs, String idOrName) {
        Optional<CronJob> byId = jobs.stream().filter(job -> job.id().equals(idOrName)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<CronJob> byName = jobs.stream().filter(job -> job.name().equals(idOrName)).toList();
        if (byName.size() == 1) {
            return byName.getFirst();
        }
        throw new IllegalArgumentException(byName.isEmpty()
                ? "no cron job '" + idOrName + "'; list the jobs to see their ids"
                : byName.size() + " jobs are named '" + idOrName + "'; use the job id");
    }

    private CronJob edit(String id, UnaryOperator<CronJob> edit) throws IOException {
        return store.change(jobs -> {
            CronJob job = find(jobs, id);
            CronJob changed = edit.apply(job);
            jobs.set(jobs.indexOf(job), changed);
            return changed;
        });
    }

    private static String checkedPrompt(String prompt) {
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is empty: say what the job should do");
        }
        PromptScanner.refusal(prompt).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        return prompt.strip();
    }

    private static Optional<Long> checkedRepeat(Optional<Long> repeat) {
        if (repeat.isPresent() && repeat.get() < 1) {
            throw new IllegalArgumentException("repeat must be 1 or more, was " + repeat.get()
                    + "; leave it out to repeat forever");
        }
        return repeat;
    }

    static String checkedTarget(String deliver) {
        String target = deliver.strip();
        if (!TARGET.matcher(target).matches()) {
            throw new IllegalArgumentException("invalid delivery target '" + deliver + "': use 'origin', 'local', a"
                    + " platform ('telegram', its home channel) or 'platform:chat_id[:thread_id]'");
        }
        return target;
    }
}
