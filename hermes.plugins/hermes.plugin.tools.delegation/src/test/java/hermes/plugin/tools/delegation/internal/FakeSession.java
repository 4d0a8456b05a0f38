package hermes.plugin.tools.delegation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import hermes.api.ContentPart;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * A session that plays a scripted turn on a thread of its own when it gets a user turn, the way the runtime delivers
 * events. An {@link Submission.Interrupt} or {@link #close} interrupts the script, and the turn then ends as
 * {@code interrupted}.
 */
final class FakeSession implements Session {

    /** The turn a session plays for a goal; it ends with {@link Turn#finish} unless interrupted. */
    @FunctionalInterface
    interface Script {
        void play(Turn turn) throws InterruptedException;
    }

    /** What a script can do: emit events in order. */
    final class Turn {

        void emit(Event.Payload payload) {
            Event event = new Event(Optional.of(id), 1, Optional.of("sub-1"), sequence.incrementAndGet(), Instant.now(),
                    payload);
            listeners.forEach(listener -> listener.accept(event));
        }

        void toolCall(String callId, String tool, String arguments, ToolResult result) {
            emit(new Event.ToolStarted(callId, tool, arguments));
            emit(new Event.ToolFinished(callId, tool, result, Duration.ofMillis(5)));
        }

        void finish(String reason, String answer, int apiCalls, Usage usage) {
            emit(new Event.TurnFinished(reason, usage, apiCalls, answer));
        }
    }

    static final String MODEL = "fake:child-model";

    private final String id;
    private final SessionSpec spec;
    private final Function<String, Script> scripts;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private volatile Thread turn;
    private volatile boolean closed;

    FakeSession(String id, SessionSpec spec, Function<String, Script> scripts) {
        this.id = id;
        this.spec = spec;
        this.scripts = scripts;
    }

    boolean isClosed() {
        return closed;
    }

    boolean wasInterrupted() {
        return submissions.stream().anyMatch(Submission.Interrupt.class::isInstance);
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
        return MODEL;
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
            throw new IllegalStateException("session " + id + " is closed");
        }
        submissions.add(submission);
        switch (submission) {
            case Submission.UserTurn user -> {
                String goal = ((ContentPart.Text) user.content().getFirst()).text();
                Turn play = new Turn();
                turn = Thread.ofVirtual().start(() -> {
                    try {
                        scripts.apply(goal).play(play);
                    } catch (InterruptedException e) {
                        play.finish("interrupted", "", 1, Usage.NONE);
                    }
                });
            }
            case Submission.Interrupt interrupt -> interruptTurn();
            default -> throw new UnsupportedOperationException("the fake session takes user turns and interrupts");
        }
        return "sub-" + submissions.size();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        throw new UnsupportedOperationException("subagents do not call tools directly");
    }

    @Override
    public void close() {
        closed = true;
        interruptTurn();
    }

    private void interruptTurn() {
        Thread running = turn;
        if (running != null) {
            running.interrupt();
        }
    }
}
