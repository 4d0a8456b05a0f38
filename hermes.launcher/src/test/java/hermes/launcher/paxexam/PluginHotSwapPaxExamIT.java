package hermes.launcher.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

import hermes.api.AgentRuntime;
import hermes.api.Caller;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.ToolCall;
import hermes.api.ToolInfo;
import hermes.api.ToolResult;

/**
 * {@code HotSwapIT} once more, but from inside the OSGi framework with pax-exam: the assembled distribution's bundle set
 * (in {@code runtime.bundles} order) plus a probe bundle holding this class, which gets {@link AgentRuntime} injected as
 * a service. For both kinds of plugin: copied into {@code <home>/plugins} with a plain copy, replaced by v2, deleted —
 * the removed bundle's class loader is collected and {@code echo} keeps answering throughout.
 *
 * <p>{@link #config()} runs on the host (the test class path, working directory = the module); the test methods run in
 * the container, so they learn the host's paths from framework properties and keep no plugin classes in fields.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class PluginHotSwapPaxExamIT {

    private static final Path BUNDLES = Path.of("target", "hermes", "bundle");
    private static final Path EXAMPLES = Path.of("target", "example-plugins");
    private static final long WAIT_MS = 10_000;

    /** Framework properties through which the host hands its paths to the probe. */
    private static final String HOME = "hermes.home";
    private static final String FIXTURES = "hermes.test.fixtures";

    @Inject
    AgentRuntime runtime;

    @Inject
    BundleContext context;

    /** Host side: a fresh home, the v2 fixtures, and the distribution's bundles in start order. */
    @Configuration
    public Option[] config() throws Exception {
        Path scratch = Files.createDirectories(Path.of("target", "paxexam")).toAbsolutePath();
        Path home = Files.createTempDirectory(scratch, "home-");
        Path fixtures = Files.createTempDirectory(scratch, "fixtures-");
        Files.copy(EXAMPLES.resolve("hello-tool.jar"), fixtures.resolve("hello-tool.jar"));
        Files.copy(EXAMPLES.resolve("plain-tool.jar"), fixtures.resolve("plain-tool.jar"));
        fixtureJar("helloV2", fixtures);
        fixtureJar("plainV2", fixtures);

        List<Option> options = new ArrayList<>();
        for (Path jar : distributionBundles()) {
            options.add(bundle(jar.toUri().toString()));
        }
        options.add(junitBundles());
        // as Boot does: JLine may reach for sun.misc.Signal
        options.add(systemPackage("sun.misc"));
        options.add(frameworkProperty(HOME).value(home.toString()));
        options.add(frameworkProperty("hermes.version").value("test"));
        options.add(frameworkProperty("ds.loglevel").value("warn"));
        options.add(frameworkProperty(FIXTURES).value(fixtures.toString()));
        // pax-exam's own bundles log through pax-logging, at DEBUG to stdout unless told otherwise (a JVM-wide system
        // property in the native container: only pax-logging reads it)
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(cleanCaches());
        return options.toArray(Option[]::new);
    }

    /**
     * A v2 jar, built by the other integration tests' {@code FixtureJars} (package-private in {@code hermes.launcher},
     * hence reflection; on the host only, the probe never sees the class).
     */
    private static void fixtureJar(String factory, Path dir) throws Exception {
        Method method = Class.forName("hermes.launcher.FixtureJars").getDeclaredMethod(factory, Path.class);
        method.setAccessible(true);
        method.invoke(null, dir); // writes <dir>/hello-tool-v2.jar or plain-tool-v2.jar
    }

    /** Every jar in the bundle folder, ordered as {@code runtime.bundles} lists it (unlisted jars last), as Boot does. */
    private static List<Path> distributionBundles() throws IOException {
        List<String> order = Files.readAllLines(BUNDLES.resolve("runtime.bundles"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0]).toList();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .map(Path::toAbsolutePath)
                    .sorted(Comparator.comparingInt((Path p) -> {
                        int i = order.indexOf(p.getFileName().toString().replaceFirst("\\.jar$", ""));
                        return i < 0 ? Integer.MAX_VALUE : i;
                    }).thenComparing(Path::toString))
                    .toList();
        }
    }

    @Test
    public void aDsBundlePluginIsHotSwapped() throws Exception {
        hotSwap("hello-tool.jar", "hello", "{\"name\":\"Ada\"}", "Hello, Ada! (hello-tool 1.0.0)",
                "Hello, Ada! (hello-tool 2.0.0)", "plugin hello-tool");
    }

    @Test
    public void aPlainJarPluginIsHotSwapped() throws Exception {
        hotSwap("plain-tool.jar", "shout", "{\"text\":\"hi\"}", "HI! (plain-tool 1.0.0)", "HI! (plain-tool 2.0.0)",
                "plugin plain-tool");
    }

    /** Container side. Only strings and API records are held here; nothing loaded by the plugin. */
    private void hotSwap(String file, String tool, String arguments, String v1Output, String v2Output, String plugin)
            throws Exception {
        Path fixtures = Path.of(context.getProperty(FIXTURES));
        Path dropped = Path.of(context.getProperty(HOME)).resolve("plugins").resolve(file);
        Path v1 = fixtures.resolve(file);
        Path v2 = fixtures.resolve(file.replace(".jar", "-v2.jar"));
        try (Session session = runtime.open(SessionSpec.of(Caller.localUser()))) {
            assertTrue("echo is there from the start", activeTools().contains("echo"));
            assertFalse(activeTools().contains(tool));
            assertEcho(session);

            copyLikeCp(v1, dropped);
            await(tool + " ACTIVE", () -> activeTools().contains(tool));
            assertEquals(new ToolResult(v1Output, false), call(session, tool, arguments));
            assertEcho(session);

            copyLikeCp(v2, dropped);
            await(tool + " answering " + v2Output, () -> answers(session, tool, arguments, v2Output));
            assertEquals(new ToolResult(v2Output, false), call(session, tool, arguments));
            assertEcho(session);

            WeakReference<ClassLoader> loader = pluginClassLoader(file);
            Files.delete(dropped);
            await(tool + " gone", () -> !toolNames().contains(tool));
            ToolResult removed = call(session, tool, arguments);
            assertTrue("an error result: " + removed, removed.error());
            assertTrue(removed.content(), removed.content().contains(plugin) && removed.content().contains("was removed"));
            assertEcho(session);
            assertCollected(loader, file);
            assertEcho(session);
        }
    }

    /** The class loader of the bundle the runtime installed from {@code file}, held weakly. */
    private WeakReference<ClassLoader> pluginClassLoader(String file) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().equals("hermes-plugin:" + file)) {
                return new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader());
            }
        }
        fail("no bundle at hermes-plugin:" + file);
        return null;
    }

    private static void assertCollected(WeakReference<ClassLoader> loader, String file) throws InterruptedException {
        for (int i = 0; i < 100 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull("the class loader of the removed " + file + " is garbage-collected", loader.get());
    }

    private void assertEcho(Session session) throws Exception {
        assertEquals(new ToolResult("x", false), call(session, "echo", "{\"text\":\"x\"}"));
    }

    private static ToolResult call(Session session, String tool, String arguments) throws Exception {
        return session.callTool(new ToolCall("c1", tool, arguments)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static boolean answers(Session session, String tool, String arguments, String expected) {
        try {
            return call(session, tool, arguments).content().equals(expected);
        } catch (Exception e) {
            return false;
        }
    }

    /** Tools listed as ACTIVE. */
    private List<String> activeTools() {
        return runtime.tools().stream().filter(t -> t.status() == ToolInfo.Status.ACTIVE).map(ToolInfo::name).toList();
    }

    /** Every tool listed, whatever its status. */
    private List<String> toolNames() {
        return runtime.tools().stream().map(ToolInfo::name).toList();
    }

    /** What {@code cp} does: write the file in place, in pieces, rather than renaming a finished file. */
    private static void copyLikeCp(Path source, Path target) throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(source);
        try (OutputStream out = Files.newOutputStream(target)) {
            int half = content.length / 2;
            out.write(content, 0, half);
            out.flush();
            Thread.sleep(50);
            out.write(content, half, content.length - half);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + WAIT_MS / 1000 + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
