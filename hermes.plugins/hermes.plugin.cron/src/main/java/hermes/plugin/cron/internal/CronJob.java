package hermes.plugin.cron.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One job of {@code cron/jobs.json}, kept as the JSON object it is, so fields this port does not use (and fields a newer
 * original adds) survive every rewrite; the accessors read the original's field names.
 *
 * @param fields the job's JSON object in key order; values may be JSON {@code null}, as the original writes them
 */
record CronJob(Map<String, Object> fields) {

    static final String ID = "id";
    static final String NAME = "name";
    static final String PROMPT = "prompt";
    static final String SKILLS = "skills";
    /** The legacy single skill; read when {@link #SKILLS} is missing, written as the first skill. */
    static final String SKILL = "skill";
    static final String MODEL = "model";
    static final String PROVIDER = "provider";
    static final String SCHEDULE = "schedule";
    static final String SCHEDULE_DISPLAY = "schedule_display";
    static final String REPEAT = "repeat";
    static final String ENABLED = "enabled";
    static final String STATE = "state";
    static final String PAUSED_AT = "paused_at";
    static final String PAUSED_REASON = "paused_reason";
    static final String CREATED_AT = "created_at";
    static final String NEXT_RUN_AT = "next_run_at";
    static final String LAST_RUN_AT = "last_run_at";
    static final String LAST_STATUS = "last_status";
    static final String LAST_ERROR = "last_error";
    static final String LAST_DELIVERY_ERROR = "last_delivery_error";
    static final String DELIVER = "deliver";
    static final String ORIGIN = "origin";
    static final String ENABLED_TOOLSETS = "enabled_toolsets";
    /** Options of the original this port does not run yet; a job that sets one fails with a clear error. */
    static final List<String> UNSUPPORTED = List.of("script", "no_agent", "context_from", "workdir");

    static final String SCHEDULED = "scheduled";
    static final String PAUSED = "paused";
    static final String COMPLETED = "completed";
    static final String RUNNING = "running";

    /** Where a job was created: its chat, which {@code deliver: origin} answers. */
    record Origin(String platform, Optional<String> chatId, Optional<String> threadId) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("platform", platform);
            json.put("chat_id", chatId.orElse(null));
            json.put("thread_id", threadId.orElse(null));
            return json;
        }
    }

    CronJob {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A new job as the original's {@code create_job} writes it, scheduled for its first run. */
    static CronJob create(String name, String prompt, List<String> skills, Schedule schedule,
                          Optional<Long> repeatTimes, String deliver, Optional<Origin> origin,
                          Optional<String> model, Optional<String> provider, List<String> enabledToolsets,
                          ZonedDateTime now) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put(ID, HexFormat.of().formatHex(randomBytes()).substring(0, 12));
        job.put(NAME, name);
        job.put(PROMPT, prompt);
        job.put(SKILLS, List.copyOf(skills));
        job.put(SKILL, skills.isEmpty() ? null : skills.getFirst());
        job.put(MODEL, model.orElse(null));
        job.put(PROVIDER, provider.orElse(null));
        job.put(SCHEDULE, schedule.toJson());
        job.put(SCHEDULE_DISPLAY, schedule.display());
        job.put(REPEAT, repeat(repeatTimes, 0));
        job.put(ENABLED, true);
        job.put(STATE, SCHEDULED);
        job.put(PAUSED_AT, null);
        job.put(PAUSED_REASON, null);
        job.put(CREATED_AT, iso(now));
        job.put(NEXT_RUN_AT, schedule.firstRun(now).map(CronJob::iso).orElse(null));
        job.put(LAST_RUN_AT, null);
        job.put(LAST_STATUS, null);
        job.put(LAST_ERROR, null);
        job.put(LAST_DELIVERY_ERROR, null);
        job.put(DELIVER, deliver);
        job.put(ORIGIN, origin.map(Origin::toJson).orElse(null));
        job.put(ENABLED_TOOLSETS, enabledToolsets.isEmpty() ? null : List.copyOf(enabledToolsets));
        return new CronJob(job);
    }

    String id() {
        return text(ID).orElse("");
    }

    String name() {
        return text(NAME).orElse(id());
    }

    String prompt() {
        return text(PROMPT).orElse("");
    }

    List<String> skills() {
        if (fields.get(SKILLS) instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return text(SKILL).map(List::of).orElse(List.of());
    }

    List<String> enabledToolsets() {
        return fields.get(ENABLED_TOOLSETS) instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    Schedule schedule(ZonedDateTime now) {
        if (!(fields.get(SCHEDULE) instanceof Map<?, ?> schedule)) {
            throw new IllegalArgumentException("job " + id() + " has no schedule object");
        }
        return Schedule.fromJson(schedule, now);
    }

    String scheduleDisplay() {
        return text(SCHEDULE_DISPLAY).or(() -> fields.get(SCHEDULE) instanceof Map<?, ?> schedule
                ? Optional.ofNullable(schedule.get("display")).map(String::valueOf) : Optional.empty()).orElse("?");
    }

    /** How many runs in all; empty for forever. */
    Optional<Long> repeatTimes() {
        return fields.get(REPEAT) instanceof Map<?, ?> repeat && repeat.get("times") instanceof Number times
                ? Optional.of(times.longValue()) : Optional.empty();
    }

    long repeatCompleted() {
        return fields.get(REPEAT) instanceof Map<?, ?> repeat && repeat.get("completed") instanceof Number done
                ? done.longValue() : 0;
    }

    boolean enabled() {
        return !Boolean.FALSE.equals(fields.get(ENABLED));
    }

    String state() {
        return text(STATE).orElse(enabled() ? SCHEDULED : PAUSED);
    }

    String deliver() {
        return text(DELIVER).orElse("origin");
    }

    Optional<Origin> origin() {
        if (!(fields.get(ORIGIN) instanceof Map<?, ?> origin) || origin.get("platform") == null) {
            return Optional.empty();
        }
        return Optional.of(new Origin(String.valueOf(origin.get("platform")),
                Optional.ofNullable(origin.get("chat_id")).map(String::valueOf),
                Optional.ofNullable(origin.get("thread_id")).map(String::valueOf)));
    }

    Optional<OffsetDateTime> nextRunAt(ZoneId zone) {
        return text(NEXT_RUN_AT).flatMap(value -> timestamp(value, zone));
    }

    /** A field as non-blank text. */
    Optional<String> text(String key) {
        Object value = fields.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value)).filter(s -> !s.isBlank());
    }

    /** This job with {@code changes} applied ({@code null} values write JSON {@code null}). */
    CronJob with(Map<String, Object> changes) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.putAll(changes);
        return new CronJob(changed);
    }

    CronJob with(String key, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(key, value);
        return with(change);
    }

    static Map<String, Object> repeat(Optional<Long> times, long completed) {
        Map<String, Object> repeat = new LinkedHashMap<>();
        repeat.put("times", times.orElse(null));
        repeat.put("completed", completed);
        return repeat;
    }

    /** The original's timestamp form: ISO 8601 with the local offset. */
    static String iso(ZonedDateTime time) {
        return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Reads a timestamp the original or this port wrote; one without an offset is local time in {@code zone}. */
    static Optional<OffsetDateTime> timestamp(String text, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).atZone(zone).toOffsetDateTime());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
