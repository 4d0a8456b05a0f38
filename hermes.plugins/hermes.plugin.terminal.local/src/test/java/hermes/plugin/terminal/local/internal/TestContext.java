package hermes.plugin.terminal.local.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.api.TerminalBackend;
import hermes.api.ToolContext;

/** A {@link ToolContext} for backend tests: fixed configuration, a cancel switch, and a record of tracked processes. */
final class TestContext implements ToolContext {

    private final Map<String, Object> config;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    final List<ProcessHandle> tracked = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    TestContext(Map<String, Object> config) {
        this.config = Map.copyOf(config);
    }

    TestContext() {
        this(Map.of());
    }

    /** Cancels the call as an interrupt of the turn would. */
    void cancel() {
        cancelled = true;
        cancelActions.forEach(Runnable::run);
    }

    @Override
    public String sessionId() {
        return "test-session";
    }

    @Override
    public Caller caller() {
        return Caller.localUser();
    }

    @Override
    public Path workingDirectory() {
        return Path.of(".");
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled) {
            action.run();
        }
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public void track(ProcessHandle process) {
        tracked.add(process);
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public TerminalBackend.Shell shell() {
        throw new UnsupportedOperationException("backend tests call the shell directly");
    }

    @Override
    public ConcurrentMap<String, String> sessionState() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) {
        return Optional.empty();
    }

    @Override
    public void notify(String text) {
        throw new UnsupportedOperationException("the backend never notifies");
    }

    @Override
    public void onSessionClose(Runnable action) {
        throw new UnsupportedOperationException("the backend never registers session-close actions");
    }
}
