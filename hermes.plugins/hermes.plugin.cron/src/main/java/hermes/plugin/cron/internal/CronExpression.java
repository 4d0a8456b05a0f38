package hermes.plugin.cron.internal;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A standard 5-field cron expression ({@code minute hour day-of-month month day-of-week}), as Vixie cron and the
 * original's {@code croniter} read it: {@code *}, numbers, ranges {@code a-b}, steps {@code *}{@code /n}, {@code a-b/n} and
 * {@code a/n} (from {@code a} to the end), comma lists, month names {@code jan}–{@code dec}, weekday names
 * {@code sun}–{@code sat}, and {@code 0} or {@code 7} for Sunday. When both day fields are restricted a day matches
 * either of them (the classic cron rule); otherwise both must match.
 *
 * <p>Written here instead of taken from a library: cron-utils is not served offline here and pulls slf4j into the
 * runtime, which the design avoids; this grammar is small and fully covered by tests.
 *
 * <p>Immutable and thread-safe.
 */
final class CronExpression {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> WEEKDAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** Far enough for any satisfiable expression ({@code 0 0 29 2 *} waits up to eight years). */
    private static final int SEARCH_YEARS = 9;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], "minute", 0, 59, List.of());
        this.hours = field(fields[1], "hour", 0, 23, List.of());
        this.daysOfMonth = field(fields[2], "day of month", 1, 31, List.of());
        this.months = field(fields[3], "month", 1, 12, MONTHS);
        BitSet weekdays = field(fields[4], "day of week", 0, 7, WEEKDAYS);
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        this.daysOfWeek = weekdays;
        this.dayOfMonthRestricted = !fields[2].startsWith("*");
        this.dayOfWeekRestricted = !fields[4].startsWith("*");
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    static CronExpression parse(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week), '" + text.strip() + "' has " + fields.length);
        }
        return new CronExpression(String.join(" ", fields), fields);
    }

    /** Whether {@code text} has the shape of a cron expression: five fields of cron characters. */
    static boolean looksLikeCron(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5) {
            return false;
        }
        // minute and hour are never names, so "30m check the logs" is a duration and a prompt, not a cron line
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].matches(i < 2 ? "[0-9*/,?-]+" : "[0-9*/,?a-zA-Z-]+")) {
                return false;
            }
        }
        return true;
    }

    /** The first minute strictly after {@code after} that matches; empty when none comes within nine years. */
    Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusYears(SEARCH_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    @Override
    public String toString() {
        return text;
    }

    private static BitSet field(String field, String what, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        for (String part : field.toLowerCase(Locale.ROOT).split(",", -1)) {
            if (part.isEmpty()) {
                throw invalid(field, what, "has an empty list item");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), field, what, List.of());
                if (step < 1) {
                    throw invalid(field, what, "has a step of " + step + "; steps start at 1");
                }
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(range.substring(0, range.indexOf('-')), field, what, names);
                to = number(range.substring(range.indexOf('-') + 1), field, what, names);
            } else {
                from = number(range, field, what, names);
                // "5/15" means from 5 to the end in steps of 15
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw invalid(field, what, "is outside " + min + "-" + max);
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String text, String field, String what, List<String> names) {
        int named = names.indexOf(text);
        if (named >= 0) {
            // months are 1-based, weekdays 0-based (sun = 0)
            return names.size() == 12 ? named + 1 : named;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(field, what, "has '" + text + "', which is not a number" + (names.isEmpty() ? ""
                    : " or a name (" + names.getFirst() + "…" + names.getLast() + ")"));
        }
    }

    private static IllegalArgumentException invalid(String field, String what, String problem) {
        return new IllegalArgumentException("the " + what + " field '" + field + "' " + problem);
    }
}
