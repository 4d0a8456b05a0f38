package hermes.plugin.cli.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * A session that plays a script: every submission makes it emit the events {@code script} gives for it, in order, on
 * a thread of its own (as the runtime does), each carrying that submission's id.
 */
final class FakeSession implements Session {

    final List<Submission> submitted = new CopyOnWriteArrayList<>();
    private final SessionSpec spec;
    private final Function<Submission, List<Event.Payload>> script;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService runtimeThread = Executors.newSingleThreadExecutor();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    volatile boolean closed;

    FakeSession(SessionSpec spec, Function<Submission, List<Event.Payload>> script) {
        this.spec = spec;
        this.script = script;
    }

    @Override
    public String submit(Submission submission) {
        String id = "sub-" + submissions.incrementAndGet();
        submitted.add(submission);
        List<Event.Payload> payloads = script.apply(submission);
        runtimeThread.execute(() -> payloads.forEach(payload -> emit(id, payload)));
        return id;
    }

    /** Emits one event now, on the runtime thread, as if submission {@code submissionId} caused it. */
    void emitLater(String submissionId, Event.Payload payload) {
        runtimeThread.execute(() -> emit(submissionId, payload));
    }

    private void emit(String submissionId, Event.Payload payload) {
        Event event = new Event(Optional.of("s1"), 1, Optional.of(submissionId), sequence.getAndIncrement(),
                Instant.now(), payload);
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public String id() {
        return "s1";
    }

    @Override
    public SessionSpec spec() {
        return spec;
    }

    @Override
    public String model() {
        return spec.model().orElse("fake:model");
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
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        return CompletableFuture.completedFuture(ToolResult.error("the fake session runs no tools"));
    }

    @Override
    public void close() {
        closed = true;
        runtimeThread.shutdown();
        try {
            runtimeThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
