package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StdinAnswersTest {

    private final StringWriter prompts = new StringWriter();

    @Test
    void readsOneLinePerQuestionAndPromptsOnTheGivenStream() {
        StdinAnswers answers = new StdinAnswers(new BufferedReader(new StringReader("s\nblue\n")),
                new PrintWriter(prompts));
        assertThat(answers.read("[o]nce: ", Instant.now().plusSeconds(30))).contains("s");
        assertThat(answers.read("answer: ", Instant.MAX)).contains("blue");
        assertThat(prompts.toString()).isEqualTo("[o]nce: answer: ");
    }

    @Test
    void theEndOfInputIsNoAnswerForEveryLaterQuestionToo() {
        StdinAnswers answers = new StdinAnswers(new BufferedReader(new StringReader("")), new PrintWriter(prompts));
        assertThat(answers.read("[o]nce: ", Instant.now().plusSeconds(30))).isEmpty();
        assertThat(answers.read("[o]nce: ", Instant.now().plusSeconds(30))).isEmpty();
        assertThat(prompts.toString()).isEqualTo("[o]nce: \n[o]nce: \n");
    }

    @Test
    void theDeadlineGivesUpOnAUserWhoTypesNothing() throws IOException {
        try (PipedOutputStream keyboard = new PipedOutputStream()) {
            StdinAnswers answers = new StdinAnswers(new BufferedReader(new InputStreamReader(
                    new PipedInputStream(keyboard), StandardCharsets.UTF_8)), new PrintWriter(prompts));
            assertThat(answers.read("[o]nce: ", Instant.now().plusMillis(200))).isEmpty();
            assertThat(Thread.interrupted()).isFalse();
        }
    }
}
