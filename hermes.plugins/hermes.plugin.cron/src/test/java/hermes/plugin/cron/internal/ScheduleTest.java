package hermes.plugin.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 10, 12, 0, 30, 0, BERLIN);

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            30m               | once     | once in 30m         | 2026-03-10T12:30:30+01:00
            2h                | once     | once in 2h          | 2026-03-10T14:00:30+01:00
            1d                | once     | once in 1d          | 2026-03-11T12:00:30+01:00
            45 minutes        | once     | once in 45 minutes  | 2026-03-10T12:45:30+01:00
            every 30m         | interval | every 30m           | 2026-03-10T12:30:30+01:00
            every 2h          | interval | every 120m          | 2026-03-10T14:00:30+01:00
            EVERY 1d          | interval | every 1440m         | 2026-03-11T12:00:30+01:00
            0 9 * * *         | cron     | 0 9 * * *           | 2026-03-11T09:00+01:00
            */15 * * * *      | cron     | */15 * * * *        | 2026-03-10T12:15+01:00
            0 9 * * mon-fri   | cron     | 0 9 * * mon-fri     | 2026-03-11T09:00+01:00
            2026-03-12T08:00  | once     | once at 2026-03-12 08:00 | 2026-03-12T08:00+01:00
            2026-03-12 08:00  | once     | once at 2026-03-12 08:00 | 2026-03-12T08:00+01:00
            2026-03-12T07:00:00Z | once  | once at 2026-03-12 08:00 | 2026-03-12T08:00+01:00
            """)
    void schedulesParseAsTheOriginalDoes(String text, String kind, String display, String firstRun) {
        Schedule schedule = Schedule.parse(text, NOW);

        assertThat(schedule.toJson()).containsEntry("kind", kind).containsEntry("display", display);
        assertThat(schedule.display()).isEqualTo(display);
        assertThat(schedule.firstRun(NOW)).map(ZonedDateTime::toOffsetDateTime)
                .contains(java.time.OffsetDateTime.parse(firstRun));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "every", "every day", "0m", "61 * * * *", "0 9 * * funday", "0 9 32 * *",
            "* * * *", "30x", "2026-13-01T00:00"})
    void badSchedulesAreRejectedWithTheFormsThatWork(String text) {
        assertThatThrownBy(() -> Schedule.parse(text, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.strip());
    }

    @Test
    void anInvalidCronExpressionNamesTheField() {
        assertThatThrownBy(() -> Schedule.parse("61 * * * *", NOW))
                .hasMessage("invalid cron expression '61 * * * *': the minute field '61' is outside 0-59");
    }

    @Test
    void aOneShotRunsOnceAndRecurringOnesComputeTheirNextRunFromTheEndOfTheLast() {
        assertThat(Schedule.parse("30m", NOW).nextRun(NOW)).isEmpty();
        assertThat(Schedule.parse("every 30m", NOW).nextRun(NOW)).contains(NOW.plusMinutes(30));
        assertThat(Schedule.parse("0 9 * * *", NOW).nextRun(NOW.withHour(9).withMinute(0).withSecond(0)))
                .contains(ZonedDateTime.of(2026, 3, 11, 9, 0, 0, 0, BERLIN));
    }

    @Test
    void theJsonFormReadsBackToTheSameSchedule() {
        for (String text : new String[] {"30m", "every 2h", "0 9 * * 1", "2026-03-12T08:00"}) {
            Schedule schedule = Schedule.parse(text, NOW);
            assertThat(Schedule.fromJson(schedule.toJson(), NOW).toJson()).isEqualTo(schedule.toJson());
        }
    }

    @Test
    void theOriginalsScheduleObjectsAreRead() {
        assertThat(Schedule.fromJson(Map.of("kind", "interval", "minutes", 90, "display", "every 90m"), NOW))
                .isEqualTo(new Schedule.Interval(90, "every 90m"));
        assertThat(Schedule.fromJson(Map.of("kind", "once", "run_at", "2026-03-12T08:00:00.123456+01:00",
                "display", "once in 2d"), NOW).firstRun(NOW))
                .contains(ZonedDateTime.of(2026, 3, 12, 8, 0, 0, 123_456_000, BERLIN));
        assertThatThrownBy(() -> Schedule.fromJson(Map.of("kind", "weekly"), NOW))
                .hasMessageContaining("is not once {run_at}, interval {minutes} or cron {expr}");
    }
}
