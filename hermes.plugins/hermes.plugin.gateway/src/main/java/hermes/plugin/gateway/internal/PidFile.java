package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code $HERMES_HOME/gateway.pid}: written by a running gateway and locked for as long as it runs, removed when it
 * stops. The lock, not the pid, says whether a gateway runs: a pid file left behind by a killed gateway is not locked
 * (the operating system drops the lock with the process), and a reused pid cannot fool it.
 */
final class PidFile implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private PidFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims the pid file for this process.
     *
     * @throws IllegalStateException when another gateway holds it; the message names its pid and what to do
     */
    static PidFile acquire(Path file, long pid, Instant now) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = read(channel).map(Object::toString).orElse("unknown");
            channel.close();
            throw new IllegalStateException("the gateway already runs (pid " + holder + "); see it with hermes gateway"
                    + " status, stop it with hermes gateway stop (or end that process)");
        }
        ObjectNode content = JsonFiles.MAPPER.createObjectNode();
        content.put("pid", pid);
        content.put("kind", "hermes-gateway");
        content.put("start_time", now.getEpochSecond());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new PidFile(file, channel, lock);
    }

    /** The pid of a gateway that runs in another process, if one does. */
    static Optional<Long> runningElsewhere(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                return Optional.empty();
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return read(channel);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            lock.release();
            channel.close();
        }
    }

    private static Optional<Long> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = JsonFiles.MAPPER.readTree(text);
            JsonNode pid = node.isObject() ? node.path("pid") : node;
            return pid.canConvertToLong() ? Optional.of(pid.asLong()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
