package hermes.plugin.cron.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code $HERMES_HOME/cron/jobs.json} in the original's shape ({@code {"jobs": [...], "updated_at": "..."}}). Every
 * write goes to a temporary file that is then renamed over the old one, so a reader never sees half a file; every
 * read-modify-write holds {@code cron/.jobs.lock} (the original's lock file), so the gateway's tick and a
 * {@code hermes cron pause} in another process never overwrite each other's change.
 *
 * <p>Threading: any thread; changes in this process take turns.
 */
final class JobStore {

    /** What a change does with the list of jobs; it may throw {@link IllegalArgumentException} to change nothing. */
    @FunctionalInterface
    interface Change<T> {
        T apply(List<CronJob> jobs);
    }

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path cronDirectory;
    private final Clock clock;
    private final ReentrantLock turns = new ReentrantLock();

    JobStore(Path home, Clock clock) {
        this.cronDirectory = home.resolve("cron");
        this.clock = clock;
    }

    Path cronDirectory() {
        return cronDirectory;
    }

    Path file() {
        return cronDirectory.resolve("jobs.json");
    }

    /** Every job, in file order. */
    List<CronJob> jobs() throws IOException {
        return read();
    }

    /**
     * Applies {@code change} to the current jobs and writes the result, holding the lock throughout.
     *
     * @throws IllegalArgumentException from {@code change}; nothing is written then
     */
    <T> T change(Change<T> change) throws IOException {
        turns.lock();
        try (FileLock lock = FileLock.take(cronDirectory.resolve(".jobs.lock"), LOCK_TIMEOUT)) {
            List<CronJob> jobs = new ArrayList<>(read());
            T result = change.apply(jobs);
            write(jobs);
            return result;
        } finally {
            turns.unlock();
        }
    }

    private List<CronJob> read() throws IOException {
        Path file = file();
        if (!Files.exists(file)) {
            return List.of();
        }
        Object document;
        try {
            document = JSON.readValue(file.toFile(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON (" + e.getOriginalMessage() + "); fix it or move it"
                    + " away to start with no jobs", e);
        }
        // a bare list is what an old or hand-edited file may hold; the original accepts it too
        Object jobs = document instanceof Map<?, ?> map ? map.get("jobs") : document;
        if (!(jobs instanceof List<?> list)) {
            throw new IOException(file + " must hold {\"jobs\": [...]}; fix it or move it away to start with no jobs");
        }
        List<CronJob> result = new ArrayList<>();
        for (Object job : list) {
            if (job instanceof Map<?, ?> fields) {
                result.add(new CronJob(JSON.convertValue(fields, new TypeReference<Map<String, Object>>() { })));
            }
        }
        return result;
    }

    private void write(List<CronJob> jobs) throws IOException {
        Files.createDirectories(cronDirectory);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("jobs", jobs.stream().map(CronJob::fields).toList());
        document.put("updated_at", CronJob.iso(ZonedDateTime.now(clock)));
        Path temporary = Files.createTempFile(cronDirectory, ".jobs_", ".tmp");
        try {
            Files.write(temporary, JSON.writeValueAsBytes(document));
            restrictToOwner(temporary);
            try {
                Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Jobs hold prompts and chat ids: owner-only, as the original keeps them. */
    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory already keeps others out
        }
    }
}
