package hermes.plugin.tools.todo.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import hermes.api.Caller;
import hermes.api.TerminalBackend;
import hermes.api.ToolContext;

/** A {@link ToolContext} with only a session state map; the todo tool needs nothing else. */
final class SessionStateContext implements ToolContext {

    private final ConcurrentMap<String, String> state = new ConcurrentHashMap<>();

    @Override
    public ConcurrentMap<String, String> sessionState() {
        return state;
    }

    @Override
    public String sessionId() {
        return "20260101_000000_abcdef";
    }

    @Override
    public Caller caller() {
        return Caller.localUser();
    }

    @Override
    public Path workingDirectory() {
        throw new UnsupportedOperationException("the todo tool has no use for a working directory");
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable action) {
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public void track(ProcessHandle process) {
        throw new UnsupportedOperationException("the todo tool starts no processes");
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.empty();
    }

    @Override
    public TerminalBackend.Shell shell() {
        throw new UnsupportedOperationException("the todo tool needs no shell");
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) {
        throw new UnsupportedOperationException("the todo tool asks nothing");
    }

    @Override
    public void notify(String text) {
        throw new UnsupportedOperationException("the todo tool notifies nothing");
    }

    @Override
    public void onSessionClose(Runnable action) {
    }
}
