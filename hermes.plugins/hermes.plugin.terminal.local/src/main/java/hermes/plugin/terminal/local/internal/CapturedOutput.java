package hermes.plugin.terminal.local.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains a command's output on a virtual thread, so a chatty command never blocks on a full pipe, and keeps at most
 * the first and the last {@value #HALF_LIMIT} bytes: the tool layer cuts the text to a few dozen kilobytes anyway, and
 * a runaway {@code yes} must not fill the heap.
 *
 * <p>Threading: one reader thread appends; {@link #text()} may be called from any thread at any time.
 */
final class CapturedOutput {

    static final int HALF_LIMIT = 1 << 20;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** A ring of the last bytes once the head is full; allocated on first use, most commands never need it. */
    private byte[] tail;
    private int tailNext;
    private int tailFilled;
    private long dropped;
    private final Thread reader;

    private CapturedOutput(InputStream stream) {
        this.reader = Thread.ofVirtual().name("hermes-shell-output").start(() -> drain(stream));
    }

    /** Starts draining {@code stream}. */
    static CapturedOutput start(InputStream stream) {
        return new CapturedOutput(stream);
    }

    /**
     * Waits up to {@code grace} for the end of the output. A command may leave a background child holding the pipe open,
     * so this never waits longer than that.
     */
    void awaitEnd(Duration grace) throws InterruptedException {
        reader.join(grace);
    }

    /** The output so far, with a marker where bytes were dropped. */
    synchronized String text() {
        if (tailFilled == 0) {
            return head.toString(StandardCharsets.UTF_8);
        }
        if (dropped == 0) {
            // Contiguous: decode as one piece so a character split across head and tail stays whole.
            ByteArrayOutputStream all = new ByteArrayOutputStream(head.size() + tailFilled);
            all.writeBytes(head.toByteArray());
            all.writeBytes(tailBytes());
            return all.toString(StandardCharsets.UTF_8);
        }
        return head.toString(StandardCharsets.UTF_8) + "\n[... " + dropped + " bytes of output not kept ...]\n"
                + new String(tailBytes(), StandardCharsets.UTF_8);
    }

    private void drain(InputStream stream) {
        byte[] chunk = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(chunk)) != -1) {
                append(chunk, read);
            }
        } catch (IOException closed) {
            // The stream was closed under us after the process ended: what we have is the output.
        }
    }

    private synchronized void append(byte[] chunk, int length) {
        int intoHead = Math.min(length, HALF_LIMIT - head.size());
        if (intoHead > 0) {
            head.write(chunk, 0, intoHead);
        }
        if (intoHead < length && tail == null) {
            tail = new byte[HALF_LIMIT];
        }
        for (int i = intoHead; i < length; i++) {
            if (tailFilled == HALF_LIMIT) {
                dropped++;
            } else {
                tailFilled++;
            }
            tail[tailNext] = chunk[i];
            tailNext = (tailNext + 1) % HALF_LIMIT;
        }
    }

    /** The tail ring in write order. */
    private byte[] tailBytes() {
        byte[] ordered = new byte[tailFilled];
        int start = (tailNext - tailFilled + HALF_LIMIT) % HALF_LIMIT;
        for (int i = 0; i < tailFilled; i++) {
            ordered[i] = tail[(start + i) % HALF_LIMIT];
        }
        return ordered;
    }
}
