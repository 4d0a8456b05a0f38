package hermes.runtime.internal.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.ToolInfo;
import hermes.runtime.internal.plugins.PluginDeployer;
import hermes.runtime.internal.tools.ToolRegistry;

/** The one {@link AgentRuntime}: holds the open sessions and answers what is registered. */
@Component(service = AgentRuntime.class)
public final class AgentRuntimeImpl implements AgentRuntime {

    private final ToolRegistry registry;
    private final ToolDispatcher dispatcher;
    private final PluginDeployer deployer;
    private final RuntimeEvents events;
    private final Map<String, RuntimeSession> sessions = new ConcurrentHashMap<>();

    @Activate
    public AgentRuntimeImpl(@Reference ToolRegistry registry, @Reference ToolDispatcher dispatcher,
                            @Reference PluginDeployer deployer, @Reference RuntimeEvents events) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.deployer = deployer;
        this.events = events;
    }

    @Override
    public Session open(SessionSpec spec) {
        RuntimeSession session = new RuntimeSession(spec, dispatcher, closed -> sessions.remove(closed.id()));
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
