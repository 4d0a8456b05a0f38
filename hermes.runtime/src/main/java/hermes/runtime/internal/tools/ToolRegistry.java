package hermes.runtime.internal.tools;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolInfo;
import hermes.api.ToolResult;
import hermes.api.ToolSource;
import hermes.api.ToolSpec;
import hermes.runtime.internal.plugins.PlainJars;

/**
 * Every tool the runtime knows, keyed by name (the whiteboard). Tools arrive as {@link Tool} services and through
 * {@link ToolSource}s; the table of owners is rebuilt copy-on-write on every change, so bind and unbind never block on a
 * lookup and lookups never see a half-built table.
 *
 * <p>Threading: binds and unbinds arrive on framework threads; {@link #lookup} and {@link #tools()} from any thread.
 */
@Component(service = ToolRegistry.class)
public final class ToolRegistry {

    private static final System.Logger LOG = System.getLogger(ToolRegistry.class.getName());
    /** How long an unbind waits for calls in flight before cancelling them (DESIGN §8.1). */
    static final Duration UNBIND_GRACE = Duration.ofSeconds(2);
    /** The original caches availability checks for 30 s. */
    private static final long AVAILABILITY_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Map<Long, RegisteredTool> serviceTools = new ConcurrentHashMap<>();
    private final Map<ToolSource, SourceEntry> sources = new ConcurrentHashMap<>();
    private final Map<String, String> departed = new ConcurrentHashMap<>();
    private final Map<String, Availability> availability = new ConcurrentHashMap<>();
    private final AtomicLong sourceOrder = new AtomicLong(Long.MAX_VALUE / 2);
    private final AtomicLong generation = new AtomicLong();
    private volatile ShadowingRule.Outcome table = ShadowingRule.apply(List.of());

    private record SourceEntry(String id, long bundleId, String origin, AutoCloseable watch,
                               List<RegisteredTool> tools) {
    }

    private record Availability(long checkedAt, boolean available, String detail) {
    }

    /** The result of looking a tool up by name. */
    public sealed interface Lookup {
        /** The tool is registered and owns its name. */
        record Found(Tool tool, ToolSpec spec, InFlight inFlight) implements Lookup {
        }

        /** No tool answers to the name; {@code message} says why, for the model. */
        record Missing(String message) implements Lookup {
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTool(ServiceReference<Tool> reference, Tool tool) {
        ToolSpec spec;
        try {
            spec = tool.spec();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "tool service from " + origin(reference.getBundle()) + " failed in spec()", e);
            return;
        }
        long order = (Long) reference.getProperty(Constants.SERVICE_ID);
        serviceTools.put(order, new RegisteredTool(order, tool, spec, reference.getBundle().getBundleId(),
                origin(reference.getBundle())));
        rebuild();
    }

    /** {@link #addTool} for tests in other packages of this bundle, which have no framework to bind through. */
    public void addToolForTest(ServiceReference<Tool> reference, Tool tool) {
        addTool(reference, tool);
    }

    void removeTool(ServiceReference<Tool> reference) {
        RegisteredTool gone = serviceTools.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (gone != null) {
            departed.put(gone.spec().name(), "tool '" + gone.spec().name() + "' is no longer available: plugin "
                    + pluginLabel(reference.getBundle()) + " was removed");
            rebuild();
            drain(gone);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(ServiceReference<ToolSource> reference, ToolSource source) {
        Bundle bundle = reference.getBundle();
        List<RegisteredTool> tools = new CopyOnWriteArrayList<>();
        AutoCloseable watch;
        try {
            watch = source.watch(() -> reloadSource(source));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "tool source from " + origin(bundle) + " failed in watch()", e);
            return;
        }
        sources.put(source, new SourceEntry(source.id(), bundle.getBundleId(), origin(bundle), watch, tools));
        reloadSource(source);
    }

    void removeSource(ToolSource source) {
        SourceEntry entry = sources.remove(source);
        if (entry == null) {
            return;
        }
        try {
            entry.watch().close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the watch of tool source " + entry.id() + " failed", e);
        }
        for (RegisteredTool tool : entry.tools()) {
            departed.put(tool.spec().name(), "tool '" + tool.spec().name() + "' is no longer available: its source "
                    + entry.id() + " was removed");
        }
        rebuild();
        entry.tools().forEach(this::drain);
    }

    private void reloadSource(ToolSource source) {
        SourceEntry entry = sources.get(source);
        if (entry == null) {
            return;
        }
        List<RegisteredTool> fresh = new ArrayList<>();
        try {
            for (Tool tool : source.tools()) {
                fresh.add(new RegisteredTool(sourceOrder.incrementAndGet(), tool, tool.spec(), entry.bundleId(),
                        entry.origin()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "tool source " + entry.id() + " failed to list its tools", e);
        }
        entry.tools().clear();
        entry.tools().addAll(fresh);
        rebuild();
    }

    private synchronized void rebuild() {
        List<RegisteredTool> all = new ArrayList<>(serviceTools.values());
        sources.values().forEach(entry -> all.addAll(entry.tools()));
        table = ShadowingRule.apply(all);
        table.owners().keySet().forEach(departed::remove);
        availability.clear();
        generation.incrementAndGet();
    }

    /** Waits a bounded time for calls in flight in a departed tool, then cancels them. */
    private void drain(RegisteredTool gone) {
        long deadline = System.nanoTime() + UNBIND_GRACE.toNanos();
        while (!gone.inFlight().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        gone.inFlight().cancelAll();
    }

    /** Finds the tool that owns {@code name} now. */
    public Lookup lookup(String name) {
        RegisteredTool owner = table.owners().get(name);
        if (owner != null) {
            return new Lookup.Found(owner.tool(), owner.spec(), owner.inFlight());
        }
        String why = departed.get(name);
        return new Lookup.Missing(why != null ? why : "unknown tool '" + name + "'");
    }

    /** A number that changes whenever the set of tools changes (a memo key for tool lists). */
    public long generation() {
        return generation.get();
    }

    /** The names of the tools {@code bundleId} provides that own their names now. */
    public Set<String> namesOf(long bundleId) {
        Set<String> names = new TreeSet<>();
        table.owners().values().stream().filter(t -> t.bundleId() == bundleId).forEach(t -> names.add(t.spec().name()));
        return names;
    }

    /** The specs of every tool that owns its name and is available now, sorted by name. */
    public List<ToolSpec> available() {
        return table.owners().values().stream()
                .filter(tool -> availabilityOf(tool).available())
                .map(RegisteredTool::spec)
                .sorted(Comparator.comparing(ToolSpec::name))
                .toList();
    }

    /** Every registered tool with its status, sorted by name. */
    public List<ToolInfo> tools() {
        ShadowingRule.Outcome snapshot = table;
        List<ToolInfo> infos = new ArrayList<>();
        for (RegisteredTool owner : snapshot.owners().values()) {
            Availability a = availabilityOf(owner);
            infos.add(new ToolInfo(owner.spec().name(), owner.spec().toolset(), owner.origin(),
                    a.available() ? ToolInfo.Status.ACTIVE : ToolInfo.Status.UNAVAILABLE,
                    a.available() ? Optional.empty() : Optional.of(a.detail())));
        }
        for (RegisteredTool refused : snapshot.shadowed()) {
            RegisteredTool owner = snapshot.owners().get(refused.spec().name());
            infos.add(new ToolInfo(refused.spec().name(), refused.spec().toolset(), refused.origin(),
                    ToolInfo.Status.SHADOWED, Optional.of("name owned by toolset '" + owner.spec().toolset()
                    + "' (" + owner.origin() + "); declare overrides=true in its ToolSpec to replace it")));
        }
        infos.sort(Comparator.comparing(ToolInfo::name).thenComparing(ToolInfo::status));
        return List.copyOf(infos);
    }

    private Availability availabilityOf(RegisteredTool tool) {
        String key = tool.spec().name() + "@" + tool.order();
        Availability cached = availability.get(key);
        if (cached != null && System.nanoTime() - cached.checkedAt() < AVAILABILITY_TTL_NANOS) {
            return cached;
        }
        Availability fresh = checkAvailability(tool);
        availability.put(key, fresh);
        return fresh;
    }

    private static Availability checkAvailability(RegisteredTool tool) {
        for (String variable : tool.spec().requiresEnv()) {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                return new Availability(System.nanoTime(), false, "needs environment variable " + variable);
            }
        }
        try {
            boolean available = tool.tool().isAvailable();
            return new Availability(System.nanoTime(), available, available ? "" : "its availability check failed");
        } catch (RuntimeException e) {
            return new Availability(System.nanoTime(), false, "availability check threw " + e);
        }
    }

    /** A bundle symbolic name, or the plugin jar's file name for a wrapped plain jar. */
    public static String origin(Bundle bundle) {
        return PlainJars.sourceFile(bundle).orElse(bundle.getSymbolicName());
    }

    private static String pluginLabel(Bundle bundle) {
        return PlainJars.sourceFile(bundle).map(f -> f.replaceFirst("\\.jar$", ""))
                .orElse(bundle.getSymbolicName()) + " " + bundle.getVersion();
    }
}
