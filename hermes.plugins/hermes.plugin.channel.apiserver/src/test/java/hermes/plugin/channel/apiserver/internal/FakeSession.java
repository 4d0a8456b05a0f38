package hermes.plugin.channel.apiserver.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * A session of {@link FakeRuntime}: submissions are recorded and handled in order on one event thread, as the runtime
 * promises; a user turn plays the runtime's script, an interrupt ends a running turn with {@code interrupted}.
 */
final class FakeSession implements Session {

    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final String id;
    private final SessionSpec spec;
    private final FakeRuntime runtime;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private volatile boolean closed;
    private boolean turnRunning;
    private long sequence;

    FakeSession(String id, SessionSpec spec, FakeRuntime runtime) {
        this.id = id;
        this.spec = spec;
        this.runtime = runtime;
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
        return "fake:model";
    }

    @Override
    public Usage usage() {
        return Usage.NONE;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.empty();
    }

    @Override
    public String submit(Submission submission) {
        if (closed) {
            throw new IllegalStateException("session " + id + " is closed");
        }
        submissions.add(submission);
        events.execute(() -> handle(submission));
        return UUID.randomUUID().toString();
    }

    private void handle(Submission submission) {
        switch (submission) {
            case Submission.UserTurn turn -> {
                turnRunning = true;
                runtime.script.play(this, turn);
                runtime.store.add(id, spec.caller().platform());
            }
            case Submission.Interrupt interrupt -> {
                if (turnRunning) {
                    emit(new Event.TurnFinished("interrupted", Usage.NONE, 1, ""));
                }
            }
            default -> {
                // seeds and answers are only recorded
            }
        }
    }

    /** Delivers one event to the listeners; called from scripts, on the event thread. */
    void emit(Event.Payload payload) {
        if (payload instanceof Event.TurnFinished) {
            turnRunning = false;
        }
        Event event = new Event(Optional.of(id), 1, Optional.empty(), ++sequence, Instant.now(), payload);
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        return CompletableFuture.completedFuture(ToolResult.error("no tools in the fake"));
    }

    @Override
    public void close() {
        closed = true;
        events.shutdown();
    }

    boolean isClosed() {
        return closed;
    }

    <T extends Submission> List<T> submitted(Class<T> type) {
        return submissions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
