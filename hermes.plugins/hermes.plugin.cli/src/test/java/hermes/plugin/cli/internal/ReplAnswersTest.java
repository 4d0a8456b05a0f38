package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REPL's answers, read by a real JLine reader from a pipe: what the user types, or nothing when given up. */
class ReplAnswersTest {

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final ReplAnswers answers;

    ReplAnswersTest() throws IOException {
        terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(keyboard), screen,
                StandardCharsets.UTF_8);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        answers = new ReplAnswers(reader);
    }

    @AfterEach
    void close() throws IOException {
        keyboard.close();
        terminal.close();
    }

    @Test
    void aTypedLineIsTheAnswer() throws IOException {
        keyboard.write("s\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertThat(answers.read("[o]nce: ", Instant.now().plusSeconds(30))).contains("s");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void theDeadlineGivesUpWithoutLeavingTheThreadInterrupted() {
        assertThat(answers.read("[o]nce: ", Instant.now().plusMillis(200))).isEmpty();
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void cancellingFromAnotherThreadGivesUp() throws Exception {
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(
                () -> answers.read("answer: ", Instant.MAX));
        // cancel until the read has started and returned: a cancel before the read begins does nothing
        while (!answer.isDone()) {
            answers.cancel();
            Thread.sleep(20);
        }
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void theEndOfInputIsNoAnswer() throws IOException {
        keyboard.close();
        assertThat(answers.read("answer: ", Instant.now().plusSeconds(30))).isEmpty();
    }
}
