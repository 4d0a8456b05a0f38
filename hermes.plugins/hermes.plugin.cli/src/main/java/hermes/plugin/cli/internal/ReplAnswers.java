package hermes.plugin.cli.internal;

import java.io.IOError;
import java.time.Instant;
import java.util.Optional;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Reads answers with the REPL's line reader, so the user gets line editing; Ctrl-C or Ctrl-D at the question is no
 * answer. The question is given up when its deadline passes or the turn ends ({@link #cancel}).
 */
final class ReplAnswers implements AnswerSource {

    private final LineReader reader;
    private final CancellableRead read = new CancellableRead();

    ReplAnswers(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<String> read(String prompt, Instant deadline) {
        return read.run(deadline, () -> {
            try {
                return Optional.of(reader.readLine(prompt));
            } catch (UserInterruptException | EndOfFileException e) {
                // Ctrl-C, Ctrl-D, or our own interrupt (JLine turns it into a UserInterruptException)
                return Optional.empty();
            } catch (IOError e) {
                // the terminal was closed under the reader: the shell is stopping
                return Optional.empty();
            }
        });
    }

    @Override
    public void cancel() {
        read.cancel();
    }
}
