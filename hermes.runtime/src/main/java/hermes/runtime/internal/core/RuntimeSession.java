package hermes.runtime.internal.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * One session: submissions are processed in order on the session's own virtual thread, and events go out on it, so a
 * session's events are ordered without locks. Tool calls run on virtual threads of their own and can be cancelled.
 */
final class RuntimeSession implements Session {

    private static final System.Logger LOG = System.getLogger(RuntimeSession.class.getName());

    private final String id = SessionIds.next();
    private final SessionSpec spec;
    private final ToolDispatcher dispatcher;
    private final Consumer<RuntimeSession> onClose;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("hermes-session-", 0).factory());
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final Set<CallContext> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final Path workingDirectory = Path.of("").toAbsolutePath();
    private volatile long turn;
    private volatile boolean closed;

    RuntimeSession(SessionSpec spec, ToolDispatcher dispatcher, Consumer<RuntimeSession> onClose) {
        this.spec = spec;
        this.dispatcher = dispatcher;
        this.onClose = onClose;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionSpec spec() {
        return spec;
    }

    @Override
    public String model() {
        return spec.model().orElse("");
    }

    @Override
    public Usage usage() {
        return Usage.NONE;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(spec.settings().get(key));
    }

    @Override
    public String submit(Submission submission) {
        if (closed) {
            throw new IllegalStateException("session " + id + " is closed; open a new one");
        }
        String submissionId = UUID.randomUUID().toString();
        if (submission instanceof Submission.Interrupt) {
            // interrupts jump the queue: they must reach the turn that is running now
            running.forEach(CallContext::cancel);
        }
        queue.execute(() -> process(submission, submissionId));
        return submissionId;
    }

    private void process(Submission submission, String submissionId) {
        switch (submission) {
            case Submission.UserTurn userTurn -> {
                turn++;
                emit(submissionId, new Event.Error("no model provider is installed, so Hermes cannot answer yet:"
                        + " add a provider plugin (hermes.plugin.provider.*) and set model.provider in config.yaml"));
                emit(submissionId, new Event.TurnFinished("error", Usage.NONE, 0, ""));
            }
            case Submission.Interrupt interrupt -> emit(submissionId, new Event.TurnFinished("interrupted", Usage.NONE, 0, ""));
            default -> emit(submissionId, new Event.Error(submission.getClass().getSimpleName()
                    + " needs a running turn loop, which this runtime does not have yet"));
        }
    }

    private void emit(String submissionId, Event.Payload payload) {
        Event event = new Event(Optional.of(id), turn, Optional.ofNullable(submissionId), sequence.incrementAndGet(),
                Instant.now(), payload);
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an event listener of session " + id + " failed", e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        CallContext context = new CallContext(id, spec.caller(), workingDirectory, Map.of(), Optional.empty());
        running.add(context);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return dispatcher.dispatch(call, context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } finally {
                running.remove(context);
            }
        }, calls);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.forEach(CallContext::cancel);
        queue.shutdown();
        calls.shutdown();
        onClose.accept(this);
    }
}
