package hermes.runtime.internal.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.AgentRuntime;
import hermes.api.ContextEngine;
import hermes.api.Event;
import hermes.api.MemoryStore;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.SessionStore;
import hermes.api.SkillSource;
import hermes.api.ToolInfo;
import hermes.runtime.internal.config.Settings;
import hermes.runtime.internal.models.Backoff;
import hermes.runtime.internal.models.ModelCaller;
import hermes.runtime.internal.models.ModelProviders;
import hermes.runtime.internal.plugins.PluginDeployer;
import hermes.runtime.internal.scanner.Scope;
import hermes.runtime.internal.scanner.ThreatScanner;
import hermes.runtime.internal.tools.ToolRegistry;

/** The one {@link AgentRuntime}: holds the open sessions and answers what is registered. */
@Component(service = AgentRuntime.class)
public final class AgentRuntimeImpl implements AgentRuntime {

    private final ToolRegistry registry;
    private final PluginDeployer deployer;
    private final RuntimeEvents events;
    private final RuntimeServices services;
    private final Map<String, RuntimeSession> sessions = new ConcurrentHashMap<>();
    /** Session stores by service reference; the highest-ranked one is used. */
    private final ConcurrentSkipListMap<ServiceReference<SessionStore>, SessionStore> stores =
            new ConcurrentSkipListMap<>();
    /** Memory stores by service reference; the highest-ranked one is used. */
    private final ConcurrentSkipListMap<ServiceReference<MemoryStore>, MemoryStore> memories =
            new ConcurrentSkipListMap<>();

    /** Skill sources by service reference; the best-ranked first in the index (it wins a name clash). */
    private final ConcurrentSkipListMap<ServiceReference<SkillSource>, SkillSource> skills =
            new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<ServiceReference<ContextEngine>, ContextEngine> engines =
            new ConcurrentSkipListMap<>();

    @Activate
    public AgentRuntimeImpl(@Reference ToolRegistry registry, @Reference ToolDispatcher dispatcher,
                            @Reference PluginDeployer deployer, @Reference RuntimeEvents events,
                            @Reference ModelProviders providers, @Reference TerminalBackends backends,
                            @Reference Settings settings) {
        this.registry = registry;
        this.deployer = deployer;
        this.events = events;
        this.services = new RuntimeServices(registry, dispatcher, providers,
                new ModelCaller(providers, Backoff.standard(), ModelCaller.Sleeper.REAL), settings, backends,
                this::store, () -> best(memories), id -> Optional.ofNullable(sessions.get(id)),
                () -> List.copyOf(skills.descendingMap().values()), this::contextEngine);
        // every session's prompt runs the threat scanner over memory and the skills index; its first scan compiles
        // the patterns (about 15 ms), done here in the background instead of on a one-shot's turn
        Thread.ofVirtual().name("hermes-scanner-warmup").start(() -> ThreatScanner.scan("warm up", Scope.STRICT));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStore(ServiceReference<SessionStore> reference, SessionStore store) {
        stores.put(reference, store);
    }

    void removeStore(ServiceReference<SessionStore> reference) {
        stores.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMemory(ServiceReference<MemoryStore> reference, MemoryStore store) {
        memories.put(reference, store);
    }

    void removeMemory(ServiceReference<MemoryStore> reference) {
        memories.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSkills(ServiceReference<SkillSource> reference, SkillSource source) {
        skills.put(reference, source);
    }

    void removeSkills(ServiceReference<SkillSource> reference) {
        skills.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContextEngine(ServiceReference<ContextEngine> reference, ContextEngine engine) {
        engines.put(reference, engine);
    }

    void removeContextEngine(ServiceReference<ContextEngine> reference) {
        engines.remove(reference);
    }

    /** The engine whose {@code hermes.id} is {@code id}; the best-ranked one when several claim it. */
    private Optional<ContextEngine> contextEngine(String id) {
        return engines.descendingMap().entrySet().stream()
                .filter(e -> id.equals(e.getKey().getProperty("hermes.id"))).map(Map.Entry::getValue).findFirst();
    }

    private Optional<SessionStore> store() {
        return best(stores);
    }

    private static <T> Optional<T> best(ConcurrentSkipListMap<ServiceReference<T>, T> services) {
        Map.Entry<ServiceReference<T>, T> best = services.lastEntry();
        return best == null ? Optional.empty() : Optional.of(best.getValue());
    }

    @Override
    public Session open(SessionSpec spec) {
        RuntimeSession session = new RuntimeSession(services, spec,
                (renamed, oldId) -> {
                    sessions.remove(oldId);
                    sessions.put(renamed.id(), renamed);
                },
                closed -> sessions.remove(closed.id()));
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<ToolInfo> tools() {
        return registry.tools();
    }

    @Override
    public List<PluginInfo> plugins() {
        return deployer.plugins();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return events.subscribe(listener);
    }

    @Deactivate
    void closeSessions() {
        List.copyOf(sessions.values()).forEach(RuntimeSession::close);
    }
}
