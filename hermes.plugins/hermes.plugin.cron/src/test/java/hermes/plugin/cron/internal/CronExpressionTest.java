package hermes.plugin.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(UTC);
    }

    @ParameterizedTest(name = "{0} after {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            * * * * *            | 2026-03-10T12:00:30 | 2026-03-10T12:01
            0 9 * * *            | 2026-03-10T09:00    | 2026-03-11T09:00
            0 9 * * *            | 2026-03-10T08:59    | 2026-03-10T09:00
            */20 * * * *         | 2026-03-10T12:41    | 2026-03-10T13:00
            5/20 * * * *         | 2026-03-10T12:06    | 2026-03-10T12:25
            0 0 1 * *            | 2026-03-10T00:00    | 2026-04-01T00:00
            0 12 * * sun         | 2026-03-10T00:00    | 2026-03-15T12:00
            0 12 * * 7           | 2026-03-10T00:00    | 2026-03-15T12:00
            0 12 * * 0           | 2026-03-10T00:00    | 2026-03-15T12:00
            30 8 * * mon-fri     | 2026-03-13T09:00    | 2026-03-16T08:30
            0 0 * jan,jul *      | 2026-03-10T00:00    | 2026-07-01T00:00
            0 0 29 2 *           | 2026-03-10T00:00    | 2028-02-29T00:00
            0 0 13 * fri         | 2026-03-10T00:00    | 2026-03-13T00:00
            0 0 1 * mon          | 2026-03-10T00:00    | 2026-03-16T00:00
            0 0 1-7 * *          | 2026-03-10T00:00    | 2026-04-01T00:00
            15,45 1-3 * * *      | 2026-03-10T03:45    | 2026-03-11T01:15
            """)
    void theNextRunIsTheFirstMatchingMinuteAfter(String expression, String after, String next) {
        assertThat(CronExpression.parse(expression).next(at(after))).contains(at(next));
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherOneMatches() {
        // the 1st of the month or any Monday, as Vixie cron reads it
        CronExpression expression = CronExpression.parse("0 0 1 * mon");
        assertThat(expression.next(at("2026-03-31T00:00"))).contains(at("2026-04-01T00:00"));
        assertThat(expression.next(at("2026-04-01T00:00"))).contains(at("2026-04-06T00:00"));
    }

    @Test
    void anExpressionThatNeverMatchesHasNoNextRun() {
        assertThat(CronExpression.parse("0 0 31 2 *").next(at("2026-01-01T00:00"))).isEmpty();
    }

    @Test
    void malformedFieldsAreRejectedByName() {
        assertThatThrownBy(() -> CronExpression.parse("0 24 * * *")).hasMessage("the hour field '24' is outside 0-23");
        assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *"))
                .hasMessage("the minute field '*/0' has a step of 0; steps start at 1");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * foo *"))
                .hasMessage("the month field 'foo' has 'foo', which is not a number or a name (jan…dec)");
        assertThatThrownBy(() -> CronExpression.parse("0 0 5-1 * *"))
                .hasMessage("the day of month field '5-1' is outside 1-31");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * *"))
                .hasMessageContaining("has 4");
    }

    @Test
    void onlyFiveFieldsWithANumericMinuteAndHourLookLikeCron() {
        assertThat(CronExpression.looksLikeCron("0 9 * * mon-fri")).isTrue();
        assertThat(CronExpression.looksLikeCron("30m check the server now")).isFalse();
        assertThat(CronExpression.looksLikeCron("0 9 * *")).isFalse();
    }
}
