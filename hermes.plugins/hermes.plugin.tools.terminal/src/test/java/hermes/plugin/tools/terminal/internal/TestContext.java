package hermes.plugin.tools.terminal.internal;

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
import hermes.api.TerminalBackend.Shell;
import hermes.api.ToolCall;
import hermes.api.ToolContext;

/**
 * A {@link ToolContext} for the tools' tests: a {@link TestShell}, settable configuration, a cancel switch, and a
 * record of notices and session-close actions.
 */
final class TestContext implements ToolContext {

    private final String sessionId;
    private final Shell shell;
    private final Map<String, Object> config = new HashMap<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> sessionCloseActions = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    TestContext(String sessionId, Path directory) {
        this.sessionId = sessionId;
        this.shell = new TestShell(directory);
    }

    TestContext set(String key, Object value) {
        config.put(key, value);
        return this;
    }

    /** Cancels the call as an interrupt of the turn would. */
    void cancel() {
        cancelled = true;
        cancelActions.forEach(Runnable::run);
    }

    /** Ends the session: runs what was registered with {@link #onSessionClose}. */
    void closeSession() {
        sessionCloseActions.forEach(Runnable::run);
    }

    int sessionCloseActionCount() {
        return sessionCloseActions.size();
    }

    /** A call of {@code tool} with the given JSON arguments. */
    static ToolCall call(String tool, String arguments) {
        return new ToolCall("call-1", tool, arguments);
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Caller caller() {
        return Caller.localUser();
    }

    @Override
    public Path workingDirectory() {
        return shell.workingDirectory();
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
        onCancel(process::destroyForcibly);
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public Shell shell() {
        return shell;
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
        notices.add(text);
    }

    @Override
    public void onSessionClose(Runnable action) {
        sessionCloseActions.add(action);
    }
}
