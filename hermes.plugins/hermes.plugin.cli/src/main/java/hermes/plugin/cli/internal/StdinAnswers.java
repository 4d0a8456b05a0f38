package hermes.plugin.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads answers from stdin for a one-shot at a terminal; the prompt goes to stderr so stdout keeps only the answer.
 *
 * <p>A read from stdin cannot be interrupted, so a daemon thread reads the lines (only once a question is asked) and
 * the question waits on a queue, which the deadline or the turn's end can stop.
 */
final class StdinAnswers implements AnswerSource {

    private static final System.Logger LOG = System.getLogger(StdinAnswers.class.getName());

    private final BufferedReader in;
    private final PrintWriter prompts;
    /** The lines typed; an empty value marks the end of input. */
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final CancellableRead read = new CancellableRead();
    private Thread pump;

    StdinAnswers(BufferedReader in, PrintWriter prompts) {
        this.in = in;
        this.prompts = prompts;
    }

    @Override
    public Optional<String> read(String prompt, Instant deadline) {
        startPump();
        prompts.print(prompt);
        prompts.flush();
        Optional<String> answer = read.run(deadline, () -> {
            Optional<String> line = lines.take();
            if (line.isEmpty()) {
                // the end of input stays the end for every later question
                lines.add(line);
            }
            return line;
        });
        if (answer.isEmpty()) {
            // nothing typed ended the prompt's line
            prompts.println();
            prompts.flush();
        }
        return answer;
    }

    @Override
    public void cancel() {
        read.cancel();
    }

    private synchronized void startPump() {
        if (pump != null) {
            return;
        }
        pump = Thread.ofPlatform().daemon().name("hermes-stdin").start(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "reading stdin failed", e);
            }
            lines.add(Optional.empty());
        });
    }
}
