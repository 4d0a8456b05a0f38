package hermes.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The per-process Felix caches under {@code $HERMES_HOME/cache}, named {@code osgi-<pid>}: one per process, so a REPL,
 * a gateway and one-shots can share a home. A process deletes its own on exit; one that was killed cannot, so every
 * start sweeps the caches of processes that are gone.
 */
final class FrameworkCaches {

    private static final String PREFIX = "osgi-";

    private FrameworkCaches() {
    }

    /** This process's cache folder under {@code cacheRoot}. */
    static Path forThisProcess(Path cacheRoot) {
        return cacheRoot.resolve(PREFIX + ProcessHandle.current().pid());
    }

    /**
     * Deletes, on a background thread, the caches under {@code cacheRoot} whose process is no longer alive; the start
     * does not wait for it.
     */
    static void sweepInBackground(Path cacheRoot) {
        Thread sweeper = new Thread(() -> sweep(cacheRoot), "hermes-cache-sweep");
        sweeper.setDaemon(true);
        sweeper.setPriority(Thread.MIN_PRIORITY);
        sweeper.start();
    }

    /** Deletes the caches under {@code cacheRoot} whose process is no longer alive; returns how many. */
    static int sweep(Path cacheRoot) {
        int swept = 0;
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            for (Path entry : entries.toList()) {
                Optional<Long> pid = pidOf(entry);
                if (pid.isPresent() && ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive).isEmpty()) {
                    deleteTree(entry);
                    swept++;
                }
            }
        } catch (IOException e) {
            System.getLogger(FrameworkCaches.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot list " + cacheRoot, e);
        }
        return swept;
    }

    private static Optional<Long> pidOf(Path entry) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(entry)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.substring(PREFIX.length())));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Deletes {@code root} and everything under it, as far as it can. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.getLogger(FrameworkCaches.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete " + root, e);
        }
    }
}
