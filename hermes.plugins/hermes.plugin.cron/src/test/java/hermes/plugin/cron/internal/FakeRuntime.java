package hermes.plugin.cron.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolInfo;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * A runtime whose sessions answer each user turn with {@link #script}: the text of the user message in, the
 * {@link Event.TurnFinished} out (on a separate thread, as the real runtime does). Records every spec and message.
 */
final class FakeRuntime implements AgentRuntime {

    final List<SessionSpec> specs = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    /** The events a turn emits, given the user message; an empty list never finishes the turn. */
    volatile Function<String, List<Event.Payload>> script = text -> List.of(finished("stop", "done"));
    private final AtomicLong ids = new AtomicLong();

    static Event.TurnFinished finished(String reason, String answer) {
        return new Event.TurnFinished(reason, Usage.NONE, 1, answer);
    }

    @Override
    public Session open(SessionSpec spec) {
        specs.add(spec);
        return new FakeSession("20260101_000000_" + String.format("%06x", ids.incrementAndGet()), spec);
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return Optional.empty();
    }

    @Override
    public List<ToolInfo> tools() {
        return List.of();
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return () -> { };
    }

    private final class FakeSession implements Session {
        private final String id;
        private final SessionSpec spec;
        private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
        private final AtomicLong sequence = new AtomicLong();

        FakeSession(String id, SessionSpec spec) {
            this.id = id;
            this.spec = spec;
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
        public String submit(Submission submission) {
            submissions.add(submission);
            if (submission instanceof Submission.UserTurn turn) {
                String text = turn.content().stream().map(part -> ((hermes.api.ContentPart.Text) part).text())
                        .reduce("", String::concat);
                messages.add(text);
                Thread.ofVirtual().start(() -> {
                    script.apply(text).forEach(this::emit);
                });
            }
            return "s" + submissions.size();
        }

        void emit(Event.Payload payload) {
            Event event = new Event(Optional.of(id), 1, Optional.of("s1"), sequence.incrementAndGet(), Instant.now(),
                    payload);
            listeners.forEach(listener -> listener.accept(event));
        }

        @Override
        public AutoCloseable subscribe(Consumer<Event> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public CompletionStage<ToolResult> callTool(ToolCall call) {
            return CompletableFuture.completedFuture(ToolResult.error("no tools here"));
        }

        @Override
        public void close() {
            closed.add(id);
        }
    }
}
