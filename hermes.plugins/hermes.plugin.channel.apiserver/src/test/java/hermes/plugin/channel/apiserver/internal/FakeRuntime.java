package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.SessionStore;
import hermes.api.Submission;
import hermes.api.ToolInfo;
import hermes.api.Usage;

/**
 * A runtime that answers every user turn with a {@link Script} and remembers what it was asked: the specs it opened
 * sessions with and every submission. A session whose turn ran is "stored" in {@link #store} under the caller's
 * platform, and resuming an id the store does not know fails as the real runtime does.
 */
final class FakeRuntime implements AgentRuntime {

    /** What a session does with one user turn; runs on the session's event thread. */
    @FunctionalInterface
    interface Script {
        void play(FakeSession session, Submission.UserTurn turn);

        /** Streams {@code deltas}, then finishes with their concatenation and {@link #USAGE}. */
        static Script answer(String... deltas) {
            return (session, turn) -> {
                for (String delta : deltas) {
                    session.emit(new Event.TextDelta(delta));
                }
                session.emit(new Event.TurnFinished("stop", USAGE, 1, String.join("", deltas)));
            };
        }

        /** Streams {@code delta} and then never finishes on its own (an interrupt ends it). */
        static Script hang(String delta) {
            return (session, turn) -> session.emit(new Event.TextDelta(delta));
        }
    }

    static final Usage USAGE = new Usage(12, 5, 4, 0, 1);

    final List<SessionSpec> opened = new CopyOnWriteArrayList<>();
    final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    final Store store = new Store();
    volatile Script script = Script.answer("Hello", ", world");
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public Session open(SessionSpec spec) {
        if (spec.resume().isPresent() && store.records.get(spec.resume().get()) == null) {
            throw new IllegalArgumentException("no session with id or title '" + spec.resume().get() + "'");
        }
        opened.add(spec);
        String id = spec.resume().orElseGet(() -> "20260101_120000_%06x".formatted(ids.incrementAndGet()));
        FakeSession session = new FakeSession(id, spec, this);
        sessions.add(session);
        return session;
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).map(Session.class::cast).findFirst();
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

    FakeSession onlySession() {
        if (sessions.size() != 1) {
            throw new AssertionError("expected one session, got " + sessions.size());
        }
        return sessions.getFirst();
    }

    /** A session store that knows sessions by id and source; enough for the server's ownership check. */
    static final class Store implements SessionStore {
        final Map<String, SessionRecord> records = new ConcurrentHashMap<>();

        void add(String id, String source) {
            records.put(id, new SessionRecord(id, source, "fake:model", Optional.empty(), Optional.empty(),
                    Instant.now()));
        }

        @Override
        public void create(SessionRecord session) {
            records.put(session.id(), session);
        }

        @Override
        public void append(String sessionId, List<Message> messages) {
        }

        @Override
        public List<Message> messages(String sessionId) {
            return List.of();
        }

        @Override
        public Optional<SessionRecord> find(String sessionId) throws IOException {
            return Optional.ofNullable(records.get(sessionId));
        }

        @Override
        public List<SessionRecord> recent(int limit) {
            return List.copyOf(records.values());
        }

        @Override
        public List<SearchHit> search(String query, int limit) {
            return List.of();
        }
    }
}
