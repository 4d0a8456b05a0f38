package hermes.plugin.tools.terminal.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One command started with {@code terminal(background=true)}: its output (last {@value #BUFFER_CHARS} characters),
 * its input pipe and its exit.
 *
 * <p>Threading: a reader thread fills the buffer; every method may be called from any thread.
 */
final class BackgroundProcess {

    static final int BUFFER_CHARS = 200_000;
    /** How long output may keep arriving after the exit (a child of the command can hold the pipe open). */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(1);

    private final String id;
    private final String sessionId;
    private final String command;
    private final Process process;
    private final Clock clock;
    private final Instant started;
    private final RollingBuffer output = new RollingBuffer(BUFFER_CHARS);
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile Instant lastUsed;
    private volatile Instant finished;
    private long polledUpTo;

    BackgroundProcess(String id, String sessionId, String command, Process process, Clock clock) {
        this.id = id;
        this.sessionId = sessionId;
        this.command = command;
        this.process = process;
        this.clock = clock;
        this.started = clock.instant();
        this.lastUsed = started;
        Thread reader = Thread.ofVirtual().name("hermes-" + id + "-output").start(this::readOutput);
        Thread.ofVirtual().name("hermes-" + id + "-exit").start(() -> awaitExit(reader));
    }

    String id() {
        return id;
    }

    String sessionId() {
        return sessionId;
    }

    String command() {
        return command;
    }

    long pid() {
        return process.pid();
    }

    Instant started() {
        return started;
    }

    /** How long it has run, or ran until it exited. */
    Duration uptime() {
        return Duration.between(started, Optional.ofNullable(finished).orElseGet(clock::instant));
    }

    /** When it was last started, polled, read, waited on or written to. */
    Instant lastUsed() {
        return lastUsed;
    }

    void touch() {
        lastUsed = clock.instant();
    }

    /** When it exited, once it has. */
    Optional<Instant> finished() {
        return Optional.ofNullable(finished);
    }

    /** The exit code, once it has exited and its output is read. */
    Optional<Integer> exitCode() {
        return Optional.ofNullable(exit.getNow(null));
    }

    boolean isRunning() {
        return !exit.isDone();
    }

    /** Completes with the exit code after the output is read. */
    CompletableFuture<Integer> onExit() {
        return exit;
    }

    /** The output written since the previous poll, then moves the poll position to its end. */
    synchronized RollingBuffer.Slice poll() {
        RollingBuffer.Slice slice = output.since(polledUpTo);
        polledUpTo = slice.end();
        return slice;
    }

    /** The held output as lines. */
    List<String> lines() {
        return output.text().lines().toList();
    }

    /**
     * Waits for the exit, at most {@code timeout}, checking {@code cancelled} a few times a second.
     *
     * @return whether it has exited
     */
    boolean await(Duration timeout, BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning() && !cancelled.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                exit.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillRunning) {
                // check the cancel signal and the deadline again
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return !isRunning();
    }

    /** Ends the process and everything it started (SIGTERM, then SIGKILL a second later). */
    void kill() {
        if (process.isAlive()) {
            ProcessTrees.kill(process.toHandle());
        }
    }

    /** Writes {@code text} to its standard input. */
    void write(String text) throws IOException {
        OutputStream input = process.getOutputStream();
        input.write(text.getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /** Closes its standard input, which ends programs that read until end of input. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    private void readOutput() {
        char[] chunk = new char[8192];
        try (Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(chunk)) != -1) {
                output.append(chunk, 0, read);
            }
        } catch (IOException closed) {
            // The pipe broke when the process was killed: what was read is the output.
        }
    }

    private void awaitExit(Thread reader) {
        try {
            int code = process.waitFor();
            reader.join(OUTPUT_GRACE);
            finished = clock.instant();
            exit.complete(code);
        } catch (InterruptedException interrupted) {
            // Nothing interrupts this thread; if something does, report the process as ended rather than hang waiters.
            finished = clock.instant();
            exit.complete(-1);
        }
    }
}
