package hermes.plugin.gateway.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.ToolInfo;

/**
 * An agent runtime whose sessions answer user turns with a script. Sessions it opened count as stored, so a
 * "restarted" gateway can resume them (a runtime instance per test keeps that list).
 */
final class FakeRuntime implements AgentRuntime {

    /** What a turn does; the default echoes the text. */
    @FunctionalInterface
    interface Script {
        void play(FakeSession.Turn turn) throws InterruptedException;
    }

    volatile Script script = turn -> turn.answer("echo: " + turn.text());
    final List<SessionSpec> opened = new CopyOnWriteArrayList<>();
    final List<String> userTexts = new CopyOnWriteArrayList<>();
    final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();
    final List<FakeSession> openedSessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public Session open(SessionSpec spec) {
        opened.add(spec);
        String id;
        if (spec.resume().isPresent()) {
            id = spec.resume().get();
            if (!stored.contains(id)) {
                throw new IllegalArgumentException("no session with id or title '" + id + "'");
            }
        } else {
            id = "20250101_000000_%06x".formatted(ids.incrementAndGet());
            stored.add(id);
        }
        FakeSession session = new FakeSession(this, id, spec);
        sessions.put(id, session);
        openedSessions.add(session);
        return session;
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
        return () -> { };
    }

    /** The specs of sessions that resumed a stored one. */
    List<String> resumed() {
        return opened.stream().flatMap(spec -> spec.resume().stream()).toList();
    }

    /** The session opened last. */
    FakeSession last() {
        return openedSessions.getLast();
    }
}
