package hermes.plugin.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

import hermes.api.AgentRuntime;
import hermes.api.PluginInfo;

/**
 * Lets a one-shot wait until start-up has settled, so {@code hermes tools list} shows every tool.
 *
 * <p>The CLI bundle starts early (the shell's prompt should not wait for the rest), so when a one-shot begins, the
 * bundles after it in the start order may not have started yet, and the runtime deploys the plugins folder on a thread
 * of its own. Start-up has settled when every bundle of the distribution's bundle folder is active and every jar in
 * the plugins folder has been deployed (or has failed, or is disabled). A bundle that never starts costs the timeout,
 * not a hang.
 */
final class StartupWait {

    private static final System.Logger LOG = System.getLogger(StartupWait.class.getName());
    private static final long POLL_MILLIS = 10;
    /** The service property of the launcher's "every bundle started" marker. */
    static final String STARTED_PROPERTY = "hermes.started";

    private final BundleContext context;
    private final AgentRuntime runtime;
    private final Path pluginsFolder;

    /**
     * @param context the CLI bundle's context; the bundles installed from the same folder are the distribution's
     * @param pluginsFolder {@code $HERMES_HOME/plugins}
     */
    StartupWait(BundleContext context, AgentRuntime runtime, Path pluginsFolder) {
        this.context = context;
        this.runtime = runtime;
        this.pluginsFolder = pluginsFolder;
    }

    /** Returns once start-up has settled, or after {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> jars = pluginJars();
        while (!(distributionStarted() && pluginsDeployed(jars))) {
            if (System.nanoTime() - deadline >= 0) {
                LOG.log(System.Logger.Level.INFO, "start-up did not settle within {0} ms; going on",
                        timeout.toMillis());
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * The launcher registers a {@code BooleanSupplier} with {@code hermes.started=true} once every bundle of the
     * distribution was started — after their components were bound, which a bundle's ACTIVE state alone does not
     * promise (Declarative Services activates a bundle's components after the state change).
     */
    private boolean distributionStarted() {
        try {
            return !context.getServiceReferences(BooleanSupplier.class, "(" + STARTED_PROPERTY + "=true)").isEmpty();
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private boolean pluginsDeployed(Set<String> jars) {
        if (jars.isEmpty()) {
            return true;
        }
        List<PluginInfo> plugins = runtime.plugins();
        Set<String> settled = plugins.stream().filter(p -> p.state() != PluginInfo.State.INSTALLED)
                .map(PluginInfo::file).collect(Collectors.toSet());
        return settled.containsAll(jars);
    }

    private Set<String> pluginJars() {
        if (!Files.isDirectory(pluginsFolder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(pluginsFolder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".jar"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list " + pluginsFolder, e);
            return Set.of();
        }
    }
}
