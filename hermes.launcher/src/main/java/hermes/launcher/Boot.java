package hermes.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts an embedded Felix with the distribution's bundle set and {@code $HERMES_HOME}. Each process gets its own
 * framework cache, deleted on exit, so a REPL, a gateway and a one-shot can share one home (DESIGN §8.8).
 */
public final class Boot {

    /** Separates the command-line arguments in the framework property {@code hermes.args}. */
    public static final String ARGS_SEPARATOR = "\u001f";

    private final Path home;
    private final Path bundleDirectory;
    private final String version;
    private final List<String> arguments;
    private final boolean cli;
    private final AtomicInteger exitCode = new AtomicInteger();
    private Framework framework;
    private Path cache;

    /**
     * @param home the configuration directory
     * @param bundleDirectory the distribution's {@code bundle/} folder (with {@code runtime.bundles})
     * @param arguments the command line for the CLI bundle
     * @param cli whether the CLI bundle should take over the terminal (false in tests that drive the runtime)
     */
    public Boot(Path home, Path bundleDirectory, String version, List<String> arguments, boolean cli) {
        this.home = home.toAbsolutePath();
        this.bundleDirectory = bundleDirectory;
        this.version = version;
        this.arguments = List.copyOf(arguments);
        this.cli = cli;
    }

    /** Starts the framework and every bundle; returns once all have been started (or failed to). */
    public Framework start() throws BootException {
        try {
            Files.createDirectories(home.resolve("cache"));
            Files.createDirectories(home.resolve("logs"));
        } catch (IOException e) {
            throw new BootException("cannot create " + home + " (" + e.getMessage() + "): set HERMES_HOME to a"
                    + " writable directory", e);
        }
        LogSetup.toFile(home.resolve("logs").resolve("hermes.log"));
        cache = FrameworkCaches.forThisProcess(home.resolve("cache"));
        FrameworkCaches.sweepInBackground(home.resolve("cache"));
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // JLine reaches for sun.misc.Signal (Ctrl-C, window size); the JDK has it, Felix must let bundles see it
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc");
        config.put("felix.log.logger", new FelixLog());
        config.put("felix.log.level", "3");
        // SCR has no log service to write to here and would print to the terminal; plugin failures reach the user
        // through /plugins and doctor instead (PluginDeployer reads them from SCR's component DTOs)
        config.put("ds.loglevel", System.getProperty("hermes.ds.loglevel", "0")); // -Dhermes.ds.loglevel=warn to debug
        config.put("hermes.home", home.toString());
        config.put("hermes.version", version);
        if (System.getProperty("hermes.script") != null) {
            config.put("hermes.script", System.getProperty("hermes.script"));
        }
        config.put("hermes.args", String.join(ARGS_SEPARATOR, arguments));
        if (cli) {
            config.put("hermes.cli", "true");
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new BootException("no OSGi framework on the class path: lib/ is incomplete;"
                        + " rebuild with ./mvnw package"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework fw = factory.newFramework((Map) config);
        framework = fw;
        try {
            fw.init();
            fw.getBundleContext().registerService(IntConsumer.class, this::exit,
                    new Hashtable<>(Map.of("hermes.exit", "true")));
            List<Bundle> bundles = install(fw);
            fw.start();
            // one resolve for the whole set: starting bundle by bundle would resolve again at every start whose
            // bundle is not wired yet
            fw.adapt(FrameworkWiring.class).resolveBundles(bundles);
            for (Bundle bundle : bundles) {
                startQuietly(bundle);
            }
            // one-shots wait for this before they look at tools: by now every bundle's components are bound
            fw.getBundleContext().registerService(BooleanSupplier.class, () -> true,
                    new Hashtable<>(Map.of("hermes.started", "true")));
            return fw;
        } catch (BundleException e) {
            throw new BootException("the OSGi framework failed to start: " + e.getMessage(), e);
        }
    }

    /** Starts, waits until the CLI asks to exit (or the framework stops), cleans up; returns the exit code. */
    public int runToExit() throws BootException {
        Thread hook = new Thread(this::stop, "hermes-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Framework fw = start();
        Bundle cliBundle = Stream.of(fw.getBundleContext().getBundles())
                .filter(b -> "hermes.plugin.cli".equals(b.getSymbolicName())).findFirst().orElse(null);
        if (cliBundle == null || cliBundle.getState() != Bundle.ACTIVE) {
            stop();
            throw new BootException("the CLI bundle did not start; see " + home.resolve("logs/hermes.log"));
        }
        try {
            fw.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
        return exitCode.get();
    }

    private void exit(int code) {
        exitCode.set(code);
        Thread stopper = new Thread(() -> {
            try {
                framework.stop();
            } catch (BundleException e) {
                System.getLogger(Boot.class.getName()).log(System.Logger.Level.ERROR, "stopping failed", e);
            }
        }, "hermes-exit");
        stopper.start();
    }

    /** Stops the framework and deletes this process's cache. Idempotent. */
    public synchronized void stop() {
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(10_000);
            } catch (BundleException | InterruptedException e) {
                System.getLogger(Boot.class.getName()).log(System.Logger.Level.WARNING, "stopping failed", e);
            }
        }
        // a one-shot leaves its cache to the sweep of the next start: deleting its hundred files is about 20 ms of
        // `hermes -z`, and the sweep runs in the background
        if (cache != null && !BundleSet.isOneShot(arguments)) {
            FrameworkCaches.deleteTree(cache);
        }
    }

    private List<Bundle> install(Framework fw) throws BootException {
        BundleSet set = BundleSet.read(bundleDirectory);
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDirectory)) {
            jars = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> set.needed(p, arguments)).toList());
        } catch (IOException e) {
            throw new BootException("cannot read the bundle folder " + bundleDirectory + ": rebuild with ./mvnw package",
                    e);
        }
        jars.sort(Comparator.comparingInt(set::rank).thenComparing(Path::toString));
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try {
                // reference: installs the jar in place instead of copying it into the cache (faster start-up)
                bundles.add(fw.getBundleContext().installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                System.err.println("hermes: cannot install " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        return bundles;
    }

    private static void startQuietly(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            System.err.println("hermes: bundle " + bundle.getSymbolicName() + " failed to start: " + e.getMessage());
        }
    }
}
