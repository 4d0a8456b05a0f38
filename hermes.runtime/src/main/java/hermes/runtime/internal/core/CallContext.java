package hermes.runtime.internal.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.api.ToolContext;

/**
 * The {@link ToolContext} of one tool call. Cancelling it runs the tool's cancel actions and kills the processes it
 * handed over with {@link #track}.
 */
public final class CallContext implements ToolContext {

    private final String sessionId;
    private final Caller caller;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Optional<Instant> deadline;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public CallContext(String sessionId, Caller caller, Path workingDirectory, Map<String, String> environment,
                       Optional<Instant> deadline) {
        this.sessionId = sessionId;
        this.caller = caller;
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
        this.deadline = deadline;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public boolean isCancelled() {
        return cancelled || deadline.map(d -> Instant.now().isAfter(d)).orElse(false);
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled) {
            runQuietly(action);
        }
    }

    @Override
    public Optional<Instant> deadline() {
        return deadline;
    }

    @Override
    public void track(ProcessHandle process) {
        onCancel(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.empty();
    }

    @Override
    public hermes.api.TerminalBackend.Shell shell() throws java.io.IOException {
        throw new java.io.IOException("no terminal backend yet");
    }

    @Override
    public java.util.concurrent.ConcurrentMap<String, String> sessionState() {
        return new java.util.concurrent.ConcurrentHashMap<>();
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) {
        return Optional.empty();
    }

    @Override
    public void notify(String text) {
    }

    @Override
    public void onSessionClose(Runnable action) {
    }

    /** Cancels the call: runs every cancel action once. */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        cancelActions.forEach(CallContext::runQuietly);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.getLogger(CallContext.class.getName())
                    .log(System.Logger.Level.WARNING, "a cancel action failed", e);
        }
    }
}
