package hermes.runtime.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderWatcherTest {

    private static final long TIMEOUT_SECONDS = 5;

    @TempDir
    Path folder;
    private final BlockingQueue<Seen> events = new LinkedBlockingQueue<>();
    private PluginFolderWatcher watcher;
    private Thread thread;

    /** One call of the listener, with the file's size as the listener saw it (-1 when it was gone). */
    record Seen(String kind, String file, long size) {
    }

    @AfterEach
    void stopWatching() throws InterruptedException {
        if (thread != null) {
            watcher.close();
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertThat(thread.isAlive()).as("watcher thread still running").isFalse();
        }
    }

    @Test
    void jarPresentAtStartIsReportedOnceThroughInitial() throws Exception {
        byte[] content = jar("present", 1_000);
        Files.write(folder.resolve("present.jar"), content);

        startWatching();

        assertThat(next()).isEqualTo(new Seen("initial", "present.jar", content.length));
        assertThat(nextAfterMarker()).isEmpty();
    }

    @Test
    void jarWrittenInTwoHalvesIsReportedOnceWhenComplete() throws Exception {
        startWatchingWithReadyJar();
        byte[] content = jar("slow", 200_000);

        try (OutputStream out = Files.newOutputStream(folder.resolve("slow.jar"))) {
            out.write(content, 0, content.length / 2);
            out.flush();
            Thread.sleep(60);  // like a slow cp: half the file is there for a while
            out.write(content, content.length / 2, content.length - content.length / 2);
        }

        assertThat(next()).isEqualTo(new Seen("changed", "slow.jar", content.length));
        assertThat(nextAfterMarker()).isEmpty();
    }

    @Test
    void dotFilesPartFilesAndOtherFilesAreIgnored() throws Exception {
        startWatchingWithReadyJar();

        Files.write(folder.resolve(".hidden.jar"), jar("hidden", 1_000));
        Files.write(folder.resolve("download.jar.part"), jar("download", 1_000));
        Files.writeString(folder.resolve("README.txt"), "not a plugin\n");

        assertThat(nextAfterMarker()).isEmpty();
    }

    @Test
    void partFileRenamedToAJarIsReportedAsChanged() throws Exception {
        startWatchingWithReadyJar();
        byte[] content = jar("download", 5_000);
        Path part = Files.write(folder.resolve("download.jar.part"), content);

        Files.move(part, folder.resolve("download.jar"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(next()).isEqualTo(new Seen("changed", "download.jar", content.length));
        assertThat(nextAfterMarker()).isEmpty();
    }

    @Test
    void deletedJarIsReportedThroughDeleted() throws Exception {
        startWatchingWithReadyJar();

        Files.delete(folder.resolve("ready.jar"));

        assertThat(next()).isEqualTo(new Seen("deleted", "ready.jar", -1));
        assertThat(nextAfterMarker()).isEmpty();
    }

    /** Starts the watcher with ready.jar present and waits for its initial report, so the folder is being watched. */
    private void startWatchingWithReadyJar() throws Exception {
        byte[] ready = jar("ready", 100);
        Files.write(folder.resolve("ready.jar"), ready);
        startWatching();
        assertThat(next()).isEqualTo(new Seen("initial", "ready.jar", ready.length));
    }

    private void startWatching() {
        watcher = new PluginFolderWatcher(folder, new PluginFolderWatcher.Listener() {
            @Override
            public void initial(Path jar) {
                events.add(new Seen("initial", jar.getFileName().toString(), sizeOf(jar)));
            }

            @Override
            public void changed(Path jar) {
                events.add(new Seen("changed", jar.getFileName().toString(), sizeOf(jar)));
            }

            @Override
            public void deleted(Path jar) {
                events.add(new Seen("deleted", jar.getFileName().toString(), sizeOf(jar)));
            }
        });
        thread = Thread.ofPlatform().name("plugin-folder-watcher-test").daemon().start(watcher);
    }

    private Seen next() throws InterruptedException {
        Seen seen = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(seen).as("no listener call within %d s", TIMEOUT_SECONDS).isNotNull();
        return seen;
    }

    /**
     * Writes marker.jar and returns what the listener reported before it. Anything written earlier settles no later
     * than the marker, in the same pass at the latest; a short poll after the marker catches that pass.
     */
    private List<Seen> nextAfterMarker() throws Exception {
        byte[] marker = jar("marker", 100);
        Files.write(folder.resolve("marker.jar"), marker);
        List<Seen> before = new ArrayList<>();
        Seen markerSeen = new Seen("changed", "marker.jar", marker.length);
        for (Seen seen = next(); !seen.equals(markerSeen); seen = next()) {
            before.add(seen);
        }
        for (Seen late = events.poll(300, TimeUnit.MILLISECONDS); late != null;
             late = events.poll(300, TimeUnit.MILLISECONDS)) {
            before.add(late);
        }
        return before;
    }

    private static long sizeOf(Path jar) {
        try {
            return Files.exists(jar) ? Files.size(jar) : -1;
        } catch (IOException vanished) {
            return -1;
        }
    }

    /** A real jar whose one entry holds {@code size} random bytes, so its size is about that. */
    private static byte[] jar(String name, int size) throws IOException {
        byte[] payload = new byte[size];
        new Random(name.hashCode()).nextBytes(payload);
        return TestJars.bytes(TestJars.manifest(Map.of("Bundle-SymbolicName", name)),
                Map.of(name + ".bin", payload));
    }
}
