package hermes.plugin.tools.delegation.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.api.TerminalBackend;
import hermes.api.ToolContext;

/** The parent session's side of a delegate_task call: its id, caller, directory, configuration and cancellation. */
final class ParentContext implements ToolContext {

    static final String SESSION_ID = "20260101_000000_parent";
    static final Caller CALLER = new Caller("telegram", Optional.of("chat-7"), Optional.empty(), Optional.of("user-3"),
            Caller.Trust.AUTHORIZED);

    private final Path workingDirectory;
    private final Map<String, Object> config = new HashMap<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    ParentContext(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    ParentContext with(String key, Object value) {
        config.put(key, value);
        return this;
    }

    /** Cancels the call the way the runtime does when the parent's turn is interrupted. */
    void cancel() {
        cancelled = true;
        cancelActions.forEach(Runnable::run);
    }

    @Override
    public String sessionId() {
        return SESSION_ID;
    }

    @Override
    public Caller caller() {
        return CALLER;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
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
        throw new UnsupportedOperationException("delegation starts no processes of its own");
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public TerminalBackend.Shell shell() {
        throw new UnsupportedOperationException("delegation needs no shell");
    }

    @Override
    public ConcurrentMap<String, String> sessionState() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) {
        throw new UnsupportedOperationException("delegation asks nothing");
    }

    @Override
    public void notify(String text) {
        throw new UnsupportedOperationException("delegation notifies nothing");
    }

    @Override
    public void onSessionClose(Runnable action) {
    }
}
