package hermes.runtime.internal.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import hermes.api.Caller;
import hermes.api.Event;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.runtime.internal.config.HermesHome;
import hermes.runtime.internal.config.Settings;
import hermes.runtime.internal.models.Backoff;
import hermes.runtime.internal.models.ModelCaller;
import hermes.runtime.internal.models.ModelProviders;
import hermes.runtime.internal.store.InMemorySessionStore;
import hermes.runtime.internal.tools.ToolRegistry;

/**
 * The runtime's core wired by hand, without a framework: a real registry, dispatcher, sessions and in-memory store in
 * a temporary {@code HERMES_HOME}, with models from {@link ScriptedProvider}s. Backoff waits are recorded, not slept.
 */
final class Harness {

    final Path home;
    final Settings settings;
    final ToolRegistry registry = new ToolRegistry();
    final ToolDispatcher dispatcher = new ToolDispatcher(registry);
    final ModelProviders providers = new ModelProviders();
    final TerminalBackends backends = new TerminalBackends();
    final InMemorySessionStore store = new InMemorySessionStore();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** A memory store for the prompt's snapshot; none unless a test sets one. */
    volatile hermes.api.MemoryStore memory;
    /** Skill sources for the prompt's index, best first; none unless a test adds one. */
    final List<hermes.api.SkillSource> skills = new CopyOnWriteArrayList<>();
    /** Context engines by id; none unless a test adds one. */
    final Map<String, hermes.api.ContextEngine> contextEngines = new java.util.concurrent.ConcurrentHashMap<>();
    final RuntimeServices services;
    private final Map<String, RuntimeSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private long serviceIds = 1;

    Harness(Path home, String configYaml) throws IOException {
        this.home = home;
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.yaml"), configYaml);
        this.settings = new Settings(new HermesHome(home));
        ModelCaller caller = new ModelCaller(providers, new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(120),
                () -> 0.5), (duration, cancellation) -> {
                    sleeps.add(duration);
                    return cancellation.isCancelled();
                });
        this.services = new RuntimeServices(registry, dispatcher, providers, caller, settings, backends,
                () -> Optional.of(store), () -> Optional.ofNullable(memory), id -> Optional.ofNullable(sessions.get(id)),
                () -> List.copyOf(skills), id -> Optional.ofNullable(contextEngines.get(id)));
    }

    ScriptedProvider provider(String id) {
        ScriptedProvider provider = new ScriptedProvider(id);
        providers.addProvider(provider, Map.of("hermes.id", id, "service.id", serviceIds++));
        return provider;
    }

    /** The local backend and the terminal/process tools, from their bundles' classes. */
    Harness withTerminal() {
        backends.addBackend(new hermes.plugin.terminal.local.internal.LocalBackend(),
                Map.of("hermes.id", "local", "service.id", serviceIds++));
        var processes = new hermes.plugin.tools.terminal.internal.ProcessRegistry();
        TestTools.register(registry, new hermes.plugin.tools.terminal.internal.TerminalTool(processes));
        TestTools.register(registry, new hermes.plugin.tools.terminal.internal.ProcessTool(processes));
        return this;
    }

    RuntimeSession open(SessionSpec spec) {
        RuntimeSession session = new RuntimeSession(services, spec, (s, old) -> sessions.put(s.id(), s),
                s -> sessions.remove(s.id()));
        sessions.put(session.id(), session);
        return session;
    }

    RuntimeSession open() {
        return open(SessionSpec.of(Caller.localUser()));
    }

    /** Runs one user turn and returns its events, up to and including {@code TurnFinished}. */
    static List<Event> turn(RuntimeSession session, String text) throws Exception {
        Recorder recorder = new Recorder(session);
        session.submit(Submission.UserTurn.text(text));
        return recorder.untilFinished(Duration.ofSeconds(20));
    }

    /** Collects a session's events. */
    static final class Recorder {
        final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Recorder(RuntimeSession session) {
            session.subscribe(events::add);
        }

        <T extends Event.Payload> T await(Class<T> type, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Event event = events.poll(10, TimeUnit.MILLISECONDS);
                if (event != null && type.isInstance(event.payload())) {
                    return type.cast(event.payload());
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
        }

        List<Event> untilFinished(Duration timeout) throws InterruptedException {
            List<Event> seen = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Event event = events.poll(10, TimeUnit.MILLISECONDS);
                if (event != null) {
                    seen.add(event);
                    if (event.payload() instanceof Event.TurnFinished) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("the turn did not finish within " + timeout + "; saw " + seen);
        }
    }

    static <T extends Event.Payload> List<T> payloads(List<Event> events, Class<T> type) {
        return events.stream().map(Event::payload).filter(type::isInstance).map(type::cast).toList();
    }
}
