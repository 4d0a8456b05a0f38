package hermes.runtime.internal.plugins;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Watches the plugins folder with file-system events (inotify on Linux) and reports a jar only once it is complete:
 * size and modification time unchanged, and no event, for {@link #SETTLE_MILLIS} (DESIGN §8.7). Dot files and anything
 * not ending in {@code .jar} (temp files of copies and downloads) are ignored.
 *
 * <p>Threading: one thread of its own; the listener is called on it, one change at a time, so installs never overlap.
 */
final class PluginFolderWatcher implements Runnable {

    static final long SETTLE_MILLIS = 150;
    private static final long TICK_MILLIS = 25;
    private static final System.Logger LOG = System.getLogger(PluginFolderWatcher.class.getName());

    /** What the watcher reports. */
    interface Listener {
        /** Called once for every jar present when watching starts, before any change. */
        void initial(Path jar);

        /** A jar appeared or changed and is complete now. */
        void changed(Path jar);

        /** A jar was deleted (or renamed away). */
        void deleted(Path jar);
    }

    private final Path folder;
    private final Listener listener;
    private final Map<Path, Pending> pending = new HashMap<>();
    private volatile WatchService watchService;

    private record Pending(long size, long modified, long lastEventNanos) {
    }

    PluginFolderWatcher(Path folder, Listener listener) {
        this.folder = folder;
        this.listener = listener;
    }

    /** Whether a file name is a plugin jar worth looking at. */
    static boolean isPluginJar(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".");
    }

    @Override
    public void run() {
        try (WatchService service = folder.getFileSystem().newWatchService()) {
            watchService = service;
            // register first, then scan: a jar copied in between is seen twice rather than missed
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            scan(true);
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(pending.isEmpty() ? 1000 : TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    drain(key);
                }
                settle();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot watch the plugins folder " + folder
                    + "; plugins are not loaded until Hermes restarts", e);
        }
    }

    /** Stops watching; the thread ends soon after. */
    void close() {
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException ignored) {
                // closing only wakes the thread
            }
        }
    }

    private void drain(WatchKey key) throws IOException {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                scan(false);
                continue;
            }
            Path file = folder.resolve((Path) event.context());
            if (!isPluginJar(file)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                pending.remove(file);
                listener.deleted(file);
            } else {
                touch(file);
            }
        }
        key.reset();
    }

    private void scan(boolean initial) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                if (!isPluginJar(jar)) {
                    continue;
                }
                if (initial) {
                    listener.initial(jar);
                } else {
                    touch(jar);
                }
            }
        }
    }

    private void touch(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            pending.put(file, new Pending(attributes.size(), attributes.lastModifiedTime().toMillis(),
                    System.nanoTime()));
        } catch (IOException vanished) {
            pending.remove(file);
        }
    }

    /** Reports every pending jar that stayed unchanged for the settle time. */
    private void settle() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Pending> entry = it.next();
            Pending seen = entry.getValue();
            if (now - seen.lastEventNanos() < TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                continue;
            }
            try {
                BasicFileAttributes current = Files.readAttributes(entry.getKey(), BasicFileAttributes.class);
                if (current.size() != seen.size() || current.lastModifiedTime().toMillis() != seen.modified()) {
                    entry.setValue(new Pending(current.size(), current.lastModifiedTime().toMillis(), now));
                    continue;
                }
            } catch (IOException vanished) {
                it.remove();
                continue;
            }
            it.remove();
            listener.changed(entry.getKey());
        }
    }
}
