package hermes.runtime.internal.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.runtime.internal.config.Settings;
import hermes.runtime.internal.core.RuntimeEvents;
import hermes.runtime.internal.tools.ToolRegistry;

/**
 * Keeps the bundles in step with {@code $HERMES_HOME/plugins}: a jar copied in is installed and started, a replaced jar
 * updates its bundle, a deleted jar uninstalls it; every change is announced as {@link Event.PluginChanged}. A broken jar
 * is reported (which jar, what went wrong, what to do) and retried on its next change; it never stops the runtime.
 *
 * <p>Threading: all deploy work runs on the watcher's single thread; {@link #plugins()} reads from any thread.
 */
@Component(service = PluginDeployer.class, immediate = true)
public final class PluginDeployer implements PluginFolderWatcher.Listener {

    private static final System.Logger LOG = System.getLogger(PluginDeployer.class.getName());

    private final BundleContext context;
    private final Settings settings;
    private final ToolRegistry registry;
    private final RuntimeEvents events;
    private final BundleOperations bundles;
    private final Map<String, PluginRecord> records = new ConcurrentHashMap<>();
    private final Map<Long, String> bridgeErrors = new ConcurrentHashMap<>();
    private final PlainJarBridge bridge;
    private final PluginFolderWatcher watcher;
    private final Thread thread;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Activate
    public PluginDeployer(BundleContext context, @Reference Settings settings, @Reference ToolRegistry registry,
                          @Reference RuntimeEvents events) {
        this.context = context;
        this.settings = settings;
        this.registry = registry;
        this.events = events;
        this.bundles = new BundleOperations(context);
        this.bridge = new PlainJarBridge(context, (bundle, message) -> bridgeErrors.put(bundle.getBundleId(), message));
        this.bridge.open();
        this.watcher = new PluginFolderWatcher(settings.home().plugins(), this);
        this.thread = new Thread(watcher, "hermes-plugins");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Deactivate
    void stop() {
        watcher.close();
        thread.interrupt();
        try {
            // a deploy in progress finishes first; its bundle operations must not run into a stopping framework
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bridge.close();
    }

    @Override
    public void initial(Path jar) {
        deploy(jar);
    }

    @Override
    public void changed(Path jar) {
        deploy(jar);
    }

    @Override
    public void deleted(Path jar) {
        String file = jar.getFileName().toString();
        PluginRecord record = records.remove(file);
        if (record == null || record.bundleId() == PluginRecord.NO_BUNDLE) {
            return;
        }
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle == null) {
            return;
        }
        PluginInfo last = describe(record);
        Set<String> tools = registry.namesOf(bundle.getBundleId());
        bundles.uninstall(bundle);
        bridgeErrors.remove(record.bundleId());
        publish(last, Event.PluginChanged.Change.REMOVED, Set.of(), tools);
    }

    private void deploy(Path jar) {
        String file = jar.getFileName().toString();
        PluginRecord previous = records.get(file);
        Bundle existing = previous == null || previous.bundleId() == PluginRecord.NO_BUNDLE ? null
                : context.getBundle(previous.bundleId());
        Set<String> before = existing == null ? Set.of() : registry.namesOf(existing.getBundleId());
        PluginInfo.Kind kind = PluginInfo.Kind.UNKNOWN;
        try {
            PluginJar plugin = PluginJar.read(jar);
            kind = plugin.kind();
            if (isDisabled(plugin.name(), file)) {
                if (existing != null) {
                    bundles.uninstall(existing);
                }
                records.put(file, new PluginRecord(file, PluginRecord.NO_BUNDLE, kind, Optional.empty(), true));
                return;
            }
            Bundle bundle = bundles.installOrUpdate(existing, file, plugin);
            PluginRecord record = new PluginRecord(file, bundle.getBundleId(), kind, Optional.empty(), false);
            records.put(file, record);
            bridgeErrors.remove(bundle.getBundleId());
            bundles.start(bundle, file);
            PluginInfo info = describe(record);
            Set<String> after = registry.namesOf(bundle.getBundleId());
            Event.PluginChanged.Change change = info.state() == PluginInfo.State.FAILED
                    ? Event.PluginChanged.Change.FAILED
                    : existing == null ? Event.PluginChanged.Change.INSTALLED : Event.PluginChanged.Change.UPDATED;
            publish(info, change, minus(after, before), minus(before, after));
            retryUnresolved(file);
        } catch (PluginException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            long bundleId = records.containsKey(file) ? records.get(file).bundleId()
                    : existing == null ? PluginRecord.NO_BUNDLE : existing.getBundleId();
            PluginRecord failed = new PluginRecord(file, bundleId, kind, Optional.of(e.getMessage()), false);
            records.put(file, failed);
            Set<String> after = bundleId == PluginRecord.NO_BUNDLE ? Set.of() : registry.namesOf(bundleId);
            publish(describe(failed), Event.PluginChanged.Change.FAILED, minus(after, before), minus(before, after));
        } catch (RuntimeException e) {
            // a framework or plugin bug must not end the watcher thread: report it like any other failure
            LOG.log(System.Logger.Level.ERROR, "deploying " + file + " failed", e);
            PluginRecord failed = new PluginRecord(file, PluginRecord.NO_BUNDLE, kind,
                    Optional.of("deploying " + file + " failed: " + e), false);
            records.put(file, failed);
            publish(describe(failed), Event.PluginChanged.Change.FAILED, Set.of(), before);
        }
    }

    /** A plugin that failed to resolve may resolve now that another jar arrived. */
    private void retryUnresolved(String justDeployed) {
        for (PluginRecord record : List.copyOf(records.values())) {
            Bundle bundle = record.bundleId() == PluginRecord.NO_BUNDLE ? null : context.getBundle(record.bundleId());
            if (record.file().equals(justDeployed) || bundle == null || bundle.getState() != Bundle.INSTALLED) {
                continue;
            }
            try {
                bundles.start(bundle, record.file());
                PluginRecord fixed = new PluginRecord(record.file(), record.bundleId(), record.kind(),
                        Optional.empty(), false);
                records.put(record.file(), fixed);
                publish(describe(fixed), Event.PluginChanged.Change.INSTALLED,
                        registry.namesOf(bundle.getBundleId()), Set.of());
            } catch (PluginException stillBroken) {
                records.put(record.file(), record.withError(stillBroken.getMessage()));
            }
        }
    }

    private boolean isDisabled(String name, String file) {
        try {
            List<String> disabled = settings.config().strings("plugins.disabled");
            return disabled.contains(name) || disabled.contains(file) || disabled.contains(PlainJars.pluginName(file));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read plugins.disabled from config.yaml: " + e.getMessage());
            return false;
        }
    }

    /** Every jar of the plugins folder as it stands now, sorted by name. */
    public List<PluginInfo> plugins() {
        return records.values().stream().map(this::describe)
                .sorted(Comparator.comparing(PluginInfo::name).thenComparing(PluginInfo::file)).toList();
    }

    private PluginInfo describe(PluginRecord record) {
        Bundle bundle = record.bundleId() == PluginRecord.NO_BUNDLE ? null : context.getBundle(record.bundleId());
        String name = bundle == null || record.kind() == PluginInfo.Kind.PLAIN_JAR
                ? PlainJars.pluginName(record.file()) : bundle.getSymbolicName();
        Optional<String> version = bundle == null ? Optional.empty() : Optional.of(bundle.getVersion().toString());
        if (record.disabled()) {
            return new PluginInfo(name, version, record.file(), record.kind(), PluginInfo.State.DISABLED,
                    Optional.empty(), List.of());
        }
        List<String> tools = bundle == null ? List.of() : List.copyOf(registry.namesOf(bundle.getBundleId()));
        Optional<String> error = record.error()
                .or(() -> bundle == null ? Optional.empty() : Optional.ofNullable(bridgeErrors.get(bundle.getBundleId())))
                .or(() -> bundle == null ? Optional.empty() : ComponentProblems.failure(scr, bundle));
        if (error.isPresent()) {
            return new PluginInfo(name, version, record.file(), record.kind(), PluginInfo.State.FAILED, error, tools);
        }
        if (bundle != null && bundle.getState() == Bundle.ACTIVE) {
            Optional<String> waiting = ComponentProblems.waiting(scr, bundle);
            return new PluginInfo(name, version, record.file(), record.kind(),
                    waiting.isPresent() ? PluginInfo.State.INSTALLED : PluginInfo.State.ACTIVE, waiting, tools);
        }
        return new PluginInfo(name, version, record.file(), record.kind(), PluginInfo.State.INSTALLED,
                Optional.empty(), tools);
    }

    private void publish(PluginInfo info, Event.PluginChanged.Change change, Set<String> added, Set<String> removed) {
        events.publish(new Event.PluginChanged(info, change, List.copyOf(added), List.copyOf(removed)));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
