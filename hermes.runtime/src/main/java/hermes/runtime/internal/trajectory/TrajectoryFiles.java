package hermes.runtime.internal.trajectory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Appends trajectories to {@value #COMPLETED} or {@value #FAILED} in one directory, creating both as needed.
 *
 * <p>Thread-safe, also across instances and processes: each line goes out in a single {@code write} on a file opened
 * for appending, which the operating system places at the end of the file in one step, so lines from two sessions
 * never interleave (on local file systems; NFS gives no such promise). {@link java.nio.file.Files#write} would not do:
 * it writes in 8 KiB pieces, and a trajectory is usually longer.
 */
public final class TrajectoryFiles {

    public static final String COMPLETED = "trajectory_samples.jsonl";
    public static final String FAILED = "failed_trajectories.jsonl";

    private final Path directory;

    public TrajectoryFiles(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Appends the trajectory's line.
     *
     * @return the file written
     * @throws IOException when the directory or file cannot be created or written; the message names the file
     */
    public Path append(Trajectory trajectory) throws IOException {
        Path file = directory.resolve(trajectory.completed() ? COMPLETED : FAILED);
        byte[] line = trajectory.jsonLine().getBytes(StandardCharsets.UTF_8);
        // the whole line in one native buffer, so one write call carries it
        ByteBuffer buffer = ByteBuffer.allocateDirect(line.length).put(line).flip();
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot append the trajectory to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
