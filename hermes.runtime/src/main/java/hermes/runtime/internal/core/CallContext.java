package hermes.runtime.internal.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.api.TerminalBackend;
import hermes.api.ToolContext;
import hermes.runtime.internal.models.Cancellation;

/**
 * The {@link ToolContext} of one tool call. It is cancelled with its turn (or on its own, by {@link #cancel()}):
 * cancelling runs the tool's cancel actions and kills the processes it handed over with {@link #track}.
 */
public final class CallContext implements ToolContext {

    private final SessionPort session;
    private final Cancellation turn;
    private final Optional<Instant> deadline;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private final Runnable cancelWithTurn = this::cancel;
    private volatile boolean cancelled;

    public CallContext(SessionPort session, Cancellation turn, Optional<Instant> deadline) {
        this.session = session;
        this.turn = turn;
        this.deadline = deadline;
        turn.onCancel(cancelWithTurn);
    }

    /** The session behind the call, for the runtime's own interceptors. */
    public SessionPort session() {
        return session;
    }

    /** The turn the call belongs to. */
    public Cancellation turn() {
        return turn;
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public Caller caller() {
        return session.caller();
    }

    @Override
    public Path workingDirectory() {
        return session.workingDirectory();
    }

    @Override
    public Map<String, String> environment() {
        return session.environment();
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
        return session.config(key);
    }

    @Override
    public TerminalBackend.Shell shell() throws IOException {
        return session.shell();
    }

    @Override
    public ConcurrentMap<String, String> sessionState() {
        return session.state();
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) throws InterruptedException {
        return session.ask(question, choices, turn);
    }

    @Override
    public void notify(String text) {
        session.notice(text);
    }

    @Override
    public void onSessionClose(Runnable action) {
        session.onClose(action);
    }

    /** Cancels the call: runs every cancel action once. */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        cancelActions.forEach(CallContext::runQuietly);
    }

    /** Ends the call's link to its turn (the call finished). */
    public void finish() {
        turn.remove(cancelWithTurn);
        session.syncShell();
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
