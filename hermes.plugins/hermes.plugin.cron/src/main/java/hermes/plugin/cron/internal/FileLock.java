package hermes.plugin.cron.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * An exclusive lock on a file, held against other processes on the same home (the OS releases it when a process dies).
 * A lock another part of this process holds counts as held, like one of another process.
 *
 * <p>Threading: close it on the thread that took it.
 */
final class FileLock implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;

    private FileLock(FileChannel channel, java.nio.channels.FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock if it is free now; empty when someone holds it. */
    static Optional<FileLock> tryTake(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new FileLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // another channel of this JVM holds it: as busy as another process holding it
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws IOException when it stays held that long; the message names the file
     */
    static FileLock take(Path file, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<FileLock> lock = tryTake(file);
            if (lock.isPresent()) {
                return lock.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another process has held " + file + " for " + timeout.toSeconds()
                        + " s; if no hermes process is running, delete the file and try again");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
