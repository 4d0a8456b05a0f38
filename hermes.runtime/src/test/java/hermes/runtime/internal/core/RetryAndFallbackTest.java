package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Event;
import hermes.api.ModelException;
import hermes.runtime.internal.models.Backoff;

class RetryAndFallbackTest {

    private static final String CONFIG = """
            model: primary:big-model
            fallback_providers:
              - provider: backup
                model: small-model
            """;

    @TempDir
    Path home;

    @Test
    void backoffDoublesFromFiveSecondsUpToTheCapWithAtMostHalfAgainAsJitter() {
        Backoff none = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(120), () -> 0.0);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(none::delay).map(Duration::toSeconds).toList())
                .containsExactly(5L, 10L, 20L, 40L, 80L, 120L, 120L);
        Backoff most = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(120), () -> 0.999_999);
        assertThat(most.delay(1)).isLessThanOrEqualTo(Duration.ofMillis(7500));
        assertThat(most.delay(9)).isLessThanOrEqualTo(Duration.ofSeconds(180));
        Backoff standard = Backoff.standard();
        for (int i = 0; i < 200; i++) {
            assertThat(standard.delay(2)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
        }
    }

    @Test
    void rateLimitIsRetriedThreeTimesOnTheScheduleThenTheFallbackAnswers() throws Exception {
        Harness harness = new Harness(home, CONFIG);
        ScriptedProvider primary = harness.provider("primary").always(ScriptedProvider.fail(
                ModelException.Kind.RATE_LIMITED));
        ScriptedProvider backup = harness.provider("backup").always(ScriptedProvider.text("from the backup"));

        List<Event> events = turn(harness.open(), "hello");

        assertThat(primary.requests).hasSize(4);
        assertThat(backup.requests).hasSize(1);
        assertThat(backup.requests.get(0).model()).isEqualTo("small-model");
        // jitter pinned at 0.5: each delay is the doubling base plus a quarter
        assertThat(harness.sleeps).containsExactly(Duration.ofMillis(6250), Duration.ofMillis(12500),
                Duration.ofMillis(25000));
        Event.TurnFinished finished = payloads(events, Event.TurnFinished.class).get(0);
        assertThat(finished.answer()).isEqualTo("from the backup");
        assertThat(finished.apiCalls()).isEqualTo(1);
        assertThat(payloads(events, Event.Notice.class)).extracting(Event.Notice::text)
                .anyMatch(text -> text.startsWith("falling back to backup:small-model"));
    }

    @Test
    void authenticationFailureGoesToTheFallbackWithoutRetrying() throws Exception {
        Harness harness = new Harness(home, CONFIG);
        ScriptedProvider primary = harness.provider("primary").always(ScriptedProvider.fail(
                ModelException.Kind.AUTHENTICATION));
        ScriptedProvider backup = harness.provider("backup").always(ScriptedProvider.text("ok"));

        turn(harness.open(), "hello");

        assertThat(primary.requests).hasSize(1);
        assertThat(backup.requests).hasSize(1);
        assertThat(harness.sleeps).isEmpty();
    }

    @Test
    void contextLengthIsItsOwnErrorAndNeverFallsBack() throws Exception {
        Harness harness = new Harness(home, CONFIG);
        harness.provider("primary").always(ScriptedProvider.fail(ModelException.Kind.CONTEXT_LENGTH));
        ScriptedProvider backup = harness.provider("backup").always(ScriptedProvider.text("ok"));

        List<Event> events = turn(harness.open(), "hello");

        assertThat(backup.requests).isEmpty();
        assertThat(payloads(events, Event.Error.class).get(0).message()).contains("context window");
    }

    @Test
    void everyRouteFailingReportsTheLastError() throws Exception {
        Harness harness = new Harness(home, CONFIG);
        harness.provider("primary").always(ScriptedProvider.fail(ModelException.Kind.SERVER));
        ScriptedProvider backup = harness.provider("backup").always(ScriptedProvider.fail(
                ModelException.Kind.SERVER));

        List<Event> events = turn(harness.open(), "hello");

        assertThat(backup.requests).hasSize(4);
        assertThat(harness.sleeps).hasSize(6);
        assertThat(payloads(events, Event.TurnFinished.class).get(0).reason()).isEqualTo("error");
    }
}
