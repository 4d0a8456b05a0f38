package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import hermes.api.ContentPart;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * A session like the runtime's: user turns queue and run one at a time on a thread of their own, interrupts and
 * answers act at once, events go to subscribers in order.
 */
final class FakeSession implements Session {

    private final FakeRuntime runtime;
    private final String id;
    private final SessionSpec spec;
    private final ExecutorService queue = Executors.newSingleThreadExecutor();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private volatile Turn current;
    volatile boolean closed;

    FakeSession(FakeRuntime runtime, String id, SessionSpec spec) {
        this.runtime = runtime;
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
        String submissionId = UUID.randomUUID().toString();
        switch (submission) {
            case Submission.Interrupt interrupt -> {
                Turn running = current;
                if (running != null) {
                    running.interrupt();
                }
            }
            case Submission.ApprovalAnswer answer -> {
                Turn running = current;
                if (running != null) {
                    running.approval.complete(answer.decision());
                }
            }
            case Submission.ClarifyAnswer answer -> {
                Turn running = current;
                if (running != null) {
                    running.clarification.complete(answer.answer());
                }
            }
            case Submission.UserTurn turn -> queue.execute(() -> play(turn, submissionId));
            default -> { }
        }
        return submissionId;
    }

    private void play(Submission.UserTurn submission, String submissionId) {
        String text = submission.content().stream().filter(ContentPart.Text.class::isInstance)
                .map(part -> ((ContentPart.Text) part).text()).findFirst().orElse("");
        runtime.userTexts.add(text);
        Turn turn = new Turn(text, submissionId);
        current = turn;
        try {
            runtime.script.play(turn);
        } catch (InterruptedException e) {
            turn.interrupted.countDown();
        } finally {
            current = null;
        }
        boolean interrupted = turn.interrupted.getCount() == 0;
        turn.emit(new Event.TurnFinished(interrupted ? "interrupted" : "stop", Usage.NONE, 1,
                interrupted ? "" : turn.answer));
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no tools in the fake"));
    }

    @Override
    public void close() {
        closed = true;
        Turn running = current;
        if (running != null) {
            running.interrupt();
        }
        queue.shutdown();
    }

    /** One turn as the script sees it. */
    final class Turn {
        private final String text;
        private final String submissionId;
        private final CountDownLatch interrupted = new CountDownLatch(1);
        private final CompletableFuture<Submission.ApprovalAnswer.Decision> approval = new CompletableFuture<>();
        private final CompletableFuture<String> clarification = new CompletableFuture<>();
        private volatile String answer = "";

        Turn(String text, String submissionId) {
            this.text = text;
            this.submissionId = submissionId;
        }

        String text() {
            return text;
        }

        void answer(String finalAnswer) {
            answer = finalAnswer;
        }

        void emit(Event.Payload payload) {
            Event event = new Event(Optional.of(id), 1, Optional.of(submissionId), sequence.incrementAndGet(),
                    Instant.now(), payload);
            listeners.forEach(listener -> listener.accept(event));
        }

        /** Asks for approval and waits for the answer; an interrupt denies. */
        Submission.ApprovalAnswer.Decision approve(String command) throws InterruptedException {
            emit(new Event.ApprovalRequested("approval-" + submissionId, command, "dangerous", Instant.now()
                    .plus(Duration.ofMinutes(5))));
            while (interrupted.getCount() > 0) {
                try {
                    return approval.get(10, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException waitMore) {
                    // look at the interrupt again
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Submission.ApprovalAnswer.Decision.DENY;
        }

        /** Asks a question and waits for the answer. */
        String ask(String question) throws InterruptedException {
            emit(new Event.ClarifyRequested("clarify-" + submissionId, question, List.of()));
            try {
                return clarification.get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs until interrupted (a long turn). */
        void untilInterrupted() throws InterruptedException {
            interrupted.await();
        }

        void interrupt() {
            interrupted.countDown();
        }

        boolean wasInterrupted() {
            return interrupted.getCount() == 0;
        }
    }
}
