package hermes.plugin.cron.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a job runs, in the original's three kinds ({@code jobs.json} {@code schedule}): once at a time, every so many
 * minutes, or on a cron expression. Each carries the {@code display} text the lists show.
 */
sealed interface Schedule {

    String HELP = "use '30m', '2h' or '1d' (once, after that delay), 'every 30m' (repeating), a cron expression"
            + " such as '0 9 * * *', or a timestamp such as '2026-02-03T14:00'";

    /** The {@code display} text. */
    String display();

    /** When the job first runs, for a job created at {@code now}. */
    Optional<ZonedDateTime> firstRun(ZonedDateTime now);

    /** When the job runs next after a run that finished at {@code now}; empty for a one-shot. */
    Optional<ZonedDateTime> nextRun(ZonedDateTime now);

    /** The {@code schedule} object of {@code jobs.json}. */
    Map<String, Object> toJson();

    /** {@code "kind": "once"}: a single run at {@code runAt}. */
    record Once(OffsetDateTime runAt, String display) implements Schedule {
        @Override
        public Optional<ZonedDateTime> firstRun(ZonedDateTime now) {
            return Optional.of(runAt.atZoneSameInstant(now.getZone()));
        }

        @Override
        public Optional<ZonedDateTime> nextRun(ZonedDateTime now) {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> toJson() {
            return json("once", "run_at", runAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), display);
        }
    }

    /** {@code "kind": "interval"}: every {@code minutes}, the first run one interval after creation. */
    record Interval(long minutes, String display) implements Schedule {
        @Override
        public Optional<ZonedDateTime> firstRun(ZonedDateTime now) {
            return nextRun(now);
        }

        @Override
        public Optional<ZonedDateTime> nextRun(ZonedDateTime now) {
            return Optional.of(now.plusMinutes(minutes));
        }

        @Override
        public Map<String, Object> toJson() {
            return json("interval", "minutes", minutes, display);
        }
    }

    /** {@code "kind": "cron"}: at every minute {@code expression} matches, in the local time zone. */
    record Cron(CronExpression expression, String display) implements Schedule {
        @Override
        public Optional<ZonedDateTime> firstRun(ZonedDateTime now) {
            return nextRun(now);
        }

        @Override
        public Optional<ZonedDateTime> nextRun(ZonedDateTime now) {
            return expression.next(now);
        }

        @Override
        public Map<String, Object> toJson() {
            return json("cron", "expr", expression.toString(), display);
        }
    }

    /**
     * Reads what a user or the model wrote, as the original's {@code parse_schedule} does: {@code 30m}/{@code 2h}/
     * {@code 1d} run once after that delay from {@code now}, {@code every 30m} repeats, five fields are a cron
     * expression, and an ISO timestamp (local time when it has no offset) runs once.
     *
     * @throws IllegalArgumentException saying what is wrong and which forms work
     */
    static Schedule parse(String text, ZonedDateTime now) {
        String schedule = text.strip();
        String lower = schedule.toLowerCase(Locale.ROOT);
        if (lower.startsWith("every ")) {
            long minutes = minutes(lower.substring("every ".length()).strip())
                    .orElseThrow(() -> new IllegalArgumentException("invalid interval '" + schedule + "': " + HELP));
            return new Interval(minutes, "every " + minutes + "m");
        }
        if (CronExpression.looksLikeCron(schedule)) {
            try {
                CronExpression expression = CronExpression.parse(schedule);
                return new Cron(expression, expression.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid cron expression '" + schedule + "': " + e.getMessage(),
                        e);
            }
        }
        Optional<Long> delay = minutes(lower);
        if (delay.isPresent()) {
            return new Once(now.plusMinutes(delay.get()).toOffsetDateTime(), "once in " + schedule);
        }
        OffsetDateTime at = timestamp(schedule, now).orElseThrow(() -> new IllegalArgumentException(
                "invalid schedule '" + schedule + "': " + HELP));
        return new Once(at, "once at " + at.atZoneSameInstant(now.getZone())
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    /**
     * Reads the {@code schedule} object of {@code jobs.json}.
     *
     * @throws IllegalArgumentException when it is not one of the three kinds
     */
    static Schedule fromJson(Map<?, ?> json, ZonedDateTime now) {
        Object kind = json.get("kind");
        String display = json.get("display") == null ? "" : String.valueOf(json.get("display"));
        if ("once".equals(kind) && json.get("run_at") != null) {
            OffsetDateTime at = timestamp(String.valueOf(json.get("run_at")), now).orElseThrow(
                    () -> new IllegalArgumentException("the run_at '" + json.get("run_at") + "' is not a timestamp"));
            return new Once(at, display);
        }
        if ("interval".equals(kind) && json.get("minutes") instanceof Number minutes && minutes.longValue() > 0) {
            return new Interval(minutes.longValue(), display);
        }
        if ("cron".equals(kind) && json.get("expr") != null) {
            return new Cron(CronExpression.parse(String.valueOf(json.get("expr"))), display);
        }
        throw new IllegalArgumentException("the schedule " + json + " is not once {run_at}, interval {minutes} or"
                + " cron {expr}");
    }

    private static Optional<Long> minutes(String duration) {
        Matcher m = Pattern.compile("(\\d+)\\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)")
                .matcher(duration);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        long minutes = switch (m.group(2).charAt(0)) {
            case 'h' -> amount * 60;
            case 'd' -> amount * 60 * 24;
            default -> amount;
        };
        return minutes > 0 ? Optional.of(minutes) : Optional.empty();
    }

    private static Optional<OffsetDateTime> timestamp(String text, ZonedDateTime now) {
        String iso = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return Optional.of(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(iso).atZone(now.getZone()).toOffsetDateTime());
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(iso).atStartOfDay(now.getZone()).toOffsetDateTime());
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    private static Map<String, Object> json(String kind, String key, Object value, String display) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put(key, value);
        json.put("display", display);
        return json;
    }
}
