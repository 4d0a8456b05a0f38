package hermes.plugin.cli.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what Ctrl-C at the prompt does: on an empty line the first press only shows a hint, and a second one within
 * {@link #WINDOW} leaves; on a line with text it just clears the line. So a stray Ctrl-C never ends the shell.
 *
 * <p>Threading: the CLI thread only.
 */
final class ExitGuard {

    static final Duration WINDOW = Duration.ofSeconds(2);
    static final String HINT = "(press Ctrl-C again or type /quit to exit)";

    private Optional<Instant> lastEmptyPress = Optional.empty();

    /**
     * Records a Ctrl-C at the prompt.
     *
     * @param emptyLine whether the line was empty when it was pressed
     * @return whether the shell should end now
     */
    boolean pressed(Instant now, boolean emptyLine) {
        if (!emptyLine) {
            lastEmptyPress = Optional.empty();
            return false;
        }
        boolean again = lastEmptyPress.map(last -> Duration.between(last, now).compareTo(WINDOW) <= 0).orElse(false);
        lastEmptyPress = Optional.of(now);
        return again;
    }

    /** Anything else typed at the prompt starts the count again. */
    void reset() {
        lastEmptyPress = Optional.empty();
    }
}
