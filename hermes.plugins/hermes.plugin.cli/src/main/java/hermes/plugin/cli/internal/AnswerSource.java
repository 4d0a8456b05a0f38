package hermes.plugin.cli.internal;

import java.time.Instant;
import java.util.Optional;

/** Reads the user's answer to one question: the REPL's line reader, or stdin for a one-shot at a terminal. */
interface AnswerSource {

    /**
     * Shows {@code prompt} and reads one line.
     *
     * @param deadline when to stop waiting ({@link Instant#MAX} for never)
     * @return the line, or empty when the user gave none: end of input, Ctrl-C, the deadline passed, or
     *     {@link #cancel} was called
     */
    Optional<String> read(String prompt, Instant deadline);

    /** Stops a {@link #read} that is waiting now, from any thread; it returns empty. */
    void cancel();
}
