package hermes.plugin.tools.delegation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.ToolInfo;

/** A runtime whose child sessions are {@link FakeSession}s playing the script chosen by their goal. */
final class FakeAgentRuntime implements AgentRuntime {

    private final Function<String, FakeSession.Script> scripts;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final List<FakeSession> children = new CopyOnWriteArrayList<>();
    private volatile Optional<RuntimeException> openFailure = Optional.empty();

    FakeAgentRuntime(Function<String, FakeSession.Script> scripts) {
        this.scripts = scripts;
    }

    /** Registers the calling session, so the tool can find its depth, toolsets and settings. */
    void addSession(String id, SessionSpec spec) {
        sessions.put(id, new FakeSession(id, spec, scripts));
    }

    void failOpeningWith(RuntimeException failure) {
        openFailure = Optional.of(failure);
    }

    List<SessionSpec> openedSpecs() {
        return children.stream().map(FakeSession::spec).toList();
    }

    @Override
    public Session open(SessionSpec spec) {
        openFailure.ifPresent(failure -> {
            throw failure;
        });
        FakeSession child = new FakeSession("20260101_000000_child" + ids.incrementAndGet(), spec, scripts);
        children.add(child);
        sessions.put(child.id(), child);
        return child;
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<ToolInfo> tools() {
        return List.of();
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return () -> {
        };
    }
}
