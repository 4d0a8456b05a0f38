package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkCachesTest {

    @TempDir
    Path cacheRoot;

    @Test
    void sweepDeletesTheCachesOfProcessesThatAreGoneAndKeepsTheRest() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = Files.createDirectories(cacheRoot.resolve("osgi-" + finished.pid()).resolve("bundle1"));
        Files.writeString(dead.resolve("bundle.info"), "x");
        Path mine = Files.createDirectories(FrameworkCaches.forThisProcess(cacheRoot));
        Path other = Files.createDirectories(cacheRoot.resolve("cds"));
        Path odd = Files.createDirectories(cacheRoot.resolve("osgi-notapid"));

        assertThat(FrameworkCaches.sweep(cacheRoot)).isEqualTo(1);

        assertThat(cacheRoot.resolve("osgi-" + finished.pid())).doesNotExist();
        assertThat(mine).isDirectory();
        assertThat(other).isDirectory();
        assertThat(odd).isDirectory();
    }
}
