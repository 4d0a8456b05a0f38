package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The plugin folder while Hermes runs, for both kinds of plugin: copied in with a plain copy (not a rename), replaced by
 * v2, deleted — and the runtime and its other tools keep working throughout.
 */
class HotSwapIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path home;
    @TempDir
    Path scratch;

    record Kind(String file, String tool, String arguments, String v1Output, String v2Output, String plugin) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new Kind("hello-tool.jar", "hello", "{\"name\":\"Ada\"}",
                        "Hello, Ada! (hello-tool 1.0.0)", "Hello, Ada! (hello-tool 2.0.0)", "hello-tool")),
                Arguments.of(new Kind("plain-tool.jar", "shout", "{\"text\":\"hi\"}",
                        "HI! (plain-tool 1.0.0)", "HI! (plain-tool 2.0.0)", "plain-tool")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aPluginCopiedInIsUpdatedByV2AndGoneWhenDeletedWithItsClassLoaderCollected(Kind kind) throws Exception {
        Path v1 = kind.file().startsWith("hello") ? FixtureJars.helloV1() : FixtureJars.plainV1();
        Path v2 = kind.file().startsWith("hello") ? FixtureJars.helloV2(scratch) : FixtureJars.plainV2(scratch);
        try (RunningHermes hermes = new RunningHermes(home)) {
            assertThat(hermes.toolNames()).contains("echo").doesNotContain(kind.tool());
            Path dropped = hermes.pluginFolder().resolve(kind.file());

            copyLikeCp(v1, dropped);
            RunningHermes.await(kind.tool() + " registered", WAIT, () -> hermes.toolNames().contains(kind.tool()));
            assertThat(hermes.call(kind.tool(), kind.arguments()))
                    .isEqualTo(new RunningHermes.Result(kind.v1Output(), false));
            assertThat(hermes.plugin(kind.plugin())).get().extracting(RunningHermes.Plugin::state).isEqualTo("ACTIVE");

            copyLikeCp(v2, dropped);
            RunningHermes.await("v2 answering", WAIT, () -> answers(hermes, kind, kind.v2Output()));
            assertThat(hermes.call("echo", "{\"text\":\"still here\"}"))
                    .isEqualTo(new RunningHermes.Result("still here", false));

            WeakReference<ClassLoader> loader = new WeakReference<>(hermes.pluginBundle(kind.file()).orElseThrow()
                    .adapt(BundleWiring.class).getClassLoader());
            Files.delete(dropped);
            RunningHermes.await(kind.tool() + " gone", WAIT, () -> !hermes.toolNames().contains(kind.tool()));
            RunningHermes.Result afterRemoval = hermes.call(kind.tool(), kind.arguments());
            assertThat(afterRemoval.error()).isTrue();
            assertThat(afterRemoval.content()).contains("plugin " + kind.plugin()).contains("was removed");
            assertThat(hermes.plugin(kind.plugin())).isEmpty();
            assertCollected(loader);
            assertThat(hermes.call("echo", "{\"text\":\"still here\"}"))
                    .isEqualTo(new RunningHermes.Result("still here", false));
        }
    }

    private static boolean answers(RunningHermes hermes, Kind kind, String expected) {
        try {
            return hermes.call(kind.tool(), kind.arguments()).content().equals(expected);
        } catch (Exception e) {
            return false;
        }
    }

    /** What {@code cp} does: write the file in place, in pieces, rather than renaming a finished file. */
    static void copyLikeCp(Path source, Path target) throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(source);
        try (var out = Files.newOutputStream(target)) {
            int half = content.length / 2;
            out.write(content, 0, half);
            out.flush();
            Thread.sleep(50);
            out.write(content, half, content.length - half);
        }
    }

    static void assertCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int i = 0; i < 100 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loader.get()).as("the removed plugin's class loader is garbage-collected").isNull();
    }
}
