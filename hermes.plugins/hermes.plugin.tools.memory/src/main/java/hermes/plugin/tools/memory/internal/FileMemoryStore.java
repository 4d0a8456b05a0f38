package hermes.plugin.tools.memory.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import hermes.api.MemoryStore;

/**
 * The memory stores as the original keeps them: {@code <home>/memories/MEMORY.md} and {@code USER.md}, entries joined
 * by a line holding only {@code §}. Reading then writing an unchanged file gives the same bytes.
 *
 * <p>Writes go to a temporary file in the same folder, are forced to disk and renamed over the old file, so a reader
 * sees the old or the new file, never half of one. They run under an exclusive lock on {@code <file>.lock}, shared with
 * the original and with other Hermes processes on the same home.
 *
 * <p>Concurrent writers: {@link #write} compares the file with what the same thread last {@linkplain #read read} from
 * this store and fails with a {@link MemoryConflictException} when another writer changed it in between, so a
 * read-modify-write never drops someone else's entry; the caller reads again and repeats its change. A write with no
 * earlier read on the thread replaces the file unconditionally.
 *
 * <p>Drift guard: a write is refused with a {@link MemoryDriftException} when the file on disk holds content the entry
 * format would lose (it does not round-trip, or one entry is longer than the whole store's limit, a sign of a foreign
 * append); the file is first copied to {@code <file>.bak.<epoch seconds>}.
 *
 * <p>Threading: any thread.
 */
@Component(service = MemoryStore.class, property = "hermes.id=files")
public final class FileMemoryStore implements MemoryStore {

    /**
     * One lock per lock file for this whole JVM: a {@link FileLock} excludes other processes only, and a second lock
     * on the same file from this JVM (another store instance) would throw instead of waiting.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final MemoryLimits limits;
    private final ThreadLocal<Map<Target, String>> lastRead = ThreadLocal.withInitial(() -> new EnumMap<>(Target.class));

    /**
     * The component: home from the framework property {@code hermes.home}, else {@code $HERMES_HOME}, else
     * {@code ~/.hermes}; the drift guard's limits from the component properties {@value MemoryLimits#MEMORY_KEY} and
     * {@value MemoryLimits#USER_KEY} (the original's defaults when absent).
     */
    @Activate
    public FileMemoryStore(BundleContext context, Map<String, Object> properties) {
        this(home(context), MemoryLimits.from(Optional.ofNullable(properties.get(MemoryLimits.MEMORY_KEY)),
                Optional.ofNullable(properties.get(MemoryLimits.USER_KEY))));
    }

    FileMemoryStore(Path home, MemoryLimits limits) {
        this.directory = home.resolve("memories");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public List<String> read(Target target) throws IOException {
        String raw = readRaw(file(target));
        lastRead.get().put(target, raw);
        return MemoryFormat.load(raw);
    }

    /**
     * @throws IllegalArgumentException when an entry is blank, starts or ends with whitespace, or contains the
     *     delimiter: written as is, it would read back as something else
     * @throws MemoryConflictException when the file changed since this thread read it
     * @throws MemoryDriftException when the file on disk would lose content by being rewritten
     */
    @Override
    public void write(Target target, List<String> entries) throws IOException {
        entries.forEach(FileMemoryStore::checkWritable);
        Path file = file(target);
        Files.createDirectories(directory);
        withLock(file, () -> {
            String current = readRaw(file);
            String expected = lastRead.get().get(target);
            if (expected != null && !expected.equals(current)) {
                lastRead.get().remove(target);
                throw new MemoryConflictException(file);
            }
            String drift = MemoryFormat.drift(current, limits.of(target));
            if (!drift.isEmpty()) {
                throw new MemoryDriftException(file, backUp(file, current), drift);
            }
            String text = MemoryFormat.serialize(entries);
            replaceAtomically(file, text);
            lastRead.get().put(target, text);
        });
    }

    /** The file of {@code target}. */
    Path file(Target target) {
        return directory.resolve(target == Target.USER ? "USER.md" : "MEMORY.md");
    }

    private static void checkWritable(String entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.isBlank() || !entry.strip().equals(entry) || entry.contains(MemoryFormat.DELIMITER)) {
            throw new IllegalArgumentException("memory entry '" + entry + "' would not read back unchanged: trim it, "
                    + "leave out empty entries, and split it where a line holds only §");
        }
    }

    private static String readRaw(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static Path backUp(Path file, String raw) throws IOException {
        Path backup = file.resolveSibling(file.getFileName() + ".bak." + Instant.now().getEpochSecond());
        try {
            Files.writeString(backup, raw, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("Refusing to write " + file.getFileName() + ": it was changed outside the memory "
                    + "tool, and saving a snapshot to " + backup + " failed (" + e.getMessage() + "). The file is "
                    + "unchanged; make its folder writable, then retry.", e);
        }
        return backup;
    }

    private static void replaceAtomically(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".mem_", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Runs {@code action} holding the file's lock, against this JVM's threads and other processes alike. */
    private static void withLock(Path file, LockedAction action) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock").toAbsolutePath().normalize();
        ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            action.run();
        } finally {
            inProcess.unlock();
        }
    }

    private static Path home(BundleContext context) {
        String property = context.getProperty("hermes.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = System.getenv("HERMES_HOME");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return Path.of(System.getProperty("user.home"), ".hermes");
    }

    @FunctionalInterface
    private interface LockedAction {
        void run() throws IOException;
    }
}
