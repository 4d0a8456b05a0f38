package hermes.runtime.internal.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import hermes.api.Caller;
import hermes.api.ContentPart;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.TerminalBackend;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;
import hermes.runtime.internal.models.Cancellation;

/**
 * One session: submissions are processed in order on the session's own virtual thread, and its events are numbered and
 * delivered one at a time. Answers to questions (approvals, clarify), interrupts and settings changes bypass the queue:
 * they must reach the turn that is running now.
 *
 * <p>The conversation itself (history, usage, frozen system prompt) lives in {@link Conversation}; one turn's algorithm
 * in {@link TurnLoop}.
 */
final class RuntimeSession implements Session, SessionPort {

    private static final System.Logger LOG = System.getLogger(RuntimeSession.class.getName());

    private final RuntimeServices services;
    private final SessionSpec spec;
    private final BiConsumer<RuntimeSession, String> onIdChange;
    private final Consumer<RuntimeSession> onClose;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("hermes-session-", 0).factory());
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    private final PendingQuestions<Submission.ApprovalAnswer.Decision> approvals = new PendingQuestions<>();
    private final PendingQuestions<String> clarifications = new PendingQuestions<>();
    private final SessionSettings settings;
    private final SessionShell shell;
    private final BackgroundReview review = new BackgroundReview();
    /** {@code ToolContext.sessionState()}: small per-conversation state of stateless tools (the todo list). */
    private final ConcurrentMap<String, String> state = new ConcurrentHashMap<>();
    /** Pattern keys approved "for the session"; a new conversation starts without them. */
    private final Set<String> approved = ConcurrentHashMap.newKeySet();
    private volatile String id;
    private volatile Conversation conversation;
    private volatile Optional<String> modelSelection;
    private volatile Cancellation currentTurn;
    private volatile String currentSubmission;
    private long sequence;
    private volatile long turn;
    private volatile boolean closed;

    RuntimeSession(RuntimeServices services, SessionSpec spec, BiConsumer<RuntimeSession, String> onIdChange,
                   Consumer<RuntimeSession> onClose) {
        this.services = services;
        this.spec = spec;
        this.onIdChange = onIdChange;
        this.onClose = onClose;
        this.settings = new SessionSettings(SessionSettings.reading(services.settings().config()), spec.settings());
        this.modelSelection = spec.model().filter(m -> !m.isBlank()).or(() -> spec.parentId()
                .flatMap(services.sessions()).map(RuntimeSession::model));
        this.conversation = spec.resume().isPresent() ? Resumption.load(services, spec.resume().get())
                : new Conversation(SessionIds.next(), spec.parentId());
        this.id = conversation.id();
        review.restore(conversation.userTurns(), settings.integer("memory.nudge_interval", 10));
        Path cwd = Path.of(settings.text("terminal.cwd").orElse(".")).toAbsolutePath().normalize();
        this.shell = new SessionShell(id, cwd, services.backends()::find);
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
        try {
            return TurnLoop.routes(this).get(0).label();
        } catch (RuntimeException e) {
            return modelSelection.orElse("");
        }
    }

    @Override
    public Usage usage() {
        return conversation.usage();
    }

    @Override
    public Optional<String> setting(String key) {
        return settings.text(key);
    }

    @Override
    public String submit(Submission submission) {
        if (closed) {
            throw new IllegalStateException("session " + id + " is closed; open a new one");
        }
        String submissionId = UUID.randomUUID().toString();
        switch (submission) {
            case Submission.ApprovalAnswer answer -> approvals.answer(answer.requestId(), answer.decision());
            case Submission.ClarifyAnswer answer -> clarifications.answer(answer.requestId(), answer.answer());
            case Submission.Configure configure -> settings.override(configure.settings());
            case Submission.Interrupt interrupt -> {
                Cancellation running = currentTurn;
                if (running != null) {
                    running.cancel();
                }
            }
            default -> queue.execute(() -> process(submission, submissionId));
        }
        return submissionId;
    }

    private void process(Submission submission, String submissionId) {
        currentSubmission = submissionId;
        try {
            switch (submission) {
                case Submission.UserTurn userTurn -> runTurn(userTurn, submissionId);
                case Submission.SwitchModel switchModel -> switchModel(switchModel.model());
                case Submission.NewConversation fresh -> startOver();
                case Submission.Retry retry -> retry(submissionId);
                case Submission.Undo undo -> undo(undo.exchanges());
                case Submission.Resume resume -> resume(resume.target());
                case Submission.Seed seed -> seed(seed.messages());
                case Submission.Compact compact -> Compaction.run(this, compact.focus(), true);
                default -> emit(new Event.Error("unexpected submission " + submission));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "session " + id + " failed on " + submission, e);
            emit(new Event.Error("internal error: " + e + " (details in logs/hermes.log)"));
        } finally {
            currentSubmission = null;
        }
    }

    private void runTurn(Submission.UserTurn userTurn, String submissionId) {
        turn++;
        Compaction.ifNeeded(this);
        Cancellation cancellation = new Cancellation();
        currentTurn = cancellation;
        TurnLoop loop = new TurnLoop(this, services, cancellation);
        try {
            loop.run(userTurn.content());
        } finally {
            currentTurn = null;
        }
        review.afterTurn(this, loop.toolIterations(), loop.completed());
        if (settings.flag("agent.save_trajectories", false)) {
            Trajectories.save(this, loop.transcript(), loop.completed());
        }
    }

    /** The session's background reviews (the compaction waits for a running one). */
    BackgroundReview review() {
        return review;
    }

    /** Waits until queued submissions are done and a review they forked has finished (tests, shutdown). */
    void awaitBackgroundWork() throws InterruptedException {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        queue.execute(() -> drained.complete(null));
        try {
            drained.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        review.await();
    }

    private void switchModel(String wanted) {
        Optional<String> previous = modelSelection;
        modelSelection = Optional.of(wanted);
        try {
            emit(new Event.Notice("model: " + TurnLoop.routes(this).get(0).label()));
        } catch (RuntimeException e) {
            modelSelection = previous;
            emit(new Event.Error("cannot switch to '" + wanted + "': " + e.getMessage()));
        }
    }

    private void startOver() {
        switchTo(new Conversation(SessionIds.next(), Optional.empty()), true);
        emit(new Event.Notice("new conversation " + id));
    }

    private void seed(List<hermes.api.Message> messages) {
        if (!conversation.history().isEmpty()) {
            emit(new Event.Error("this conversation already has messages: seed only a new one"));
            return;
        }
        Conversation fresh = conversation;
        switchTo(new Conversation(fresh.id(), fresh.parentId(), messages, false, Optional.empty()), false);
    }

    private void resume(String target) {
        try {
            switchTo(Resumption.load(services, target), true);
            review.restore(conversation.userTurns(), settings.integer("memory.nudge_interval", 10));
            emit(new Event.Notice("resumed " + id + " (" + conversation.history().size() + " messages)"));
        } catch (IllegalArgumentException e) {
            emit(new Event.Error(e.getMessage()));
        }
    }

    /**
     * Continues in {@code next}: the session takes its id (front ends follow the id in the next events). A new or
     * resumed conversation starts without the old one's per-session state; a compacted one keeps it (same work).
     */
    void switchTo(Conversation next, boolean freshState) {
        String old = id;
        conversation = next;
        id = next.id();
        if (freshState) {
            state.clear();
            approved.clear();
            notices.clear();
        }
        onIdChange.accept(this, old);
    }

    private void retry(String submissionId) {
        Optional<List<ContentPart>> last = conversation.dropLastExchanges(1, services.store().get());
        if (last.isEmpty()) {
            emit(new Event.Error("nothing to retry: this conversation has no user message yet"));
            return;
        }
        runTurn(new Submission.UserTurn(last.get()), submissionId);
    }

    private void undo(int exchanges) {
        Optional<List<ContentPart>> last = conversation.dropLastExchanges(exchanges, services.store().get());
        emit(last.isEmpty() ? new Event.Error("nothing to undo")
                : new Event.Notice("removed the last " + exchanges + " exchange" + (exchanges == 1 ? "" : "s")));
    }

    // --- state the turn loop uses -------------------------------------------------------------------------------

    RuntimeServices services() {
        return services;
    }

    Conversation conversation() {
        return conversation;
    }

    Optional<String> modelSelection() {
        return modelSelection;
    }

    SessionSettings settings() {
        return settings;
    }

    long turnNumber() {
        return turn;
    }

    List<String> takeNotices() {
        List<String> taken = new ArrayList<>();
        for (String n = notices.poll(); n != null; n = notices.poll()) {
            taken.add(n);
        }
        return taken;
    }

    synchronized void emit(Event.Payload payload) {
        Event event = new Event(Optional.of(id), turn, Optional.ofNullable(currentSubmission), ++sequence,
                Instant.now(), payload);
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an event listener of session " + id + " failed", e);
            }
        }
    }

    // --- SessionPort: what tool calls reach --------------------------------------------------------------------

    @Override
    public Caller caller() {
        return spec.caller();
    }

    @Override
    public int depth() {
        return spec.depth();
    }

    @Override
    public Path workingDirectory() {
        return shell.workingDirectory();
    }

    @Override
    public Map<String, String> environment() {
        return shell.environment();
    }

    @Override
    public Optional<Object> config(String key) {
        return settings.get(key);
    }

    @Override
    public TerminalBackend.Shell shell() throws IOException {
        return shell.open(settings.text("terminal.backend").orElse("local"));
    }

    @Override
    public void syncShell() {
        shell.sync();
    }

    @Override
    public ConcurrentMap<String, String> state() {
        return state;
    }

    @Override
    public Optional<String> ask(String question, List<String> choices, Cancellation turn) throws InterruptedException {
        String requestId = clarifications.open();
        emit(new Event.ClarifyRequested(requestId, question, choices));
        Duration timeout = Duration.ofSeconds(settings.integer("agent.clarify_timeout", 600));
        return clarifications.await(requestId, timeout, turn).filter(a -> !a.isBlank());
    }

    @Override
    public Submission.ApprovalAnswer.Decision approve(String command, String reason, Duration timeout,
                                                      Cancellation turn) throws InterruptedException {
        String requestId = approvals.open();
        emit(new Event.ApprovalRequested(requestId, command, reason, Instant.now().plus(timeout)));
        return approvals.await(requestId, timeout, turn).orElse(Submission.ApprovalAnswer.Decision.DENY);
    }

    @Override
    public Set<String> approvedPatterns() {
        return approved;
    }

    @Override
    public void notice(String text) {
        notices.add(text);
        emit(new Event.Notice(text));
    }

    @Override
    public Optional<String> consult(String task, String system, String question, int maxTokens, Cancellation turn)
            throws InterruptedException {
        return AuxiliaryModel.ask(this, task, system, question, maxTokens, turn);
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    // --- Session: listeners, direct calls, close ---------------------------------------------------------------

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        Cancellation standalone = new Cancellation();
        CallContext context = new CallContext(this, standalone, Optional.empty());
        CompletableFuture<ToolResult> result = new CompletableFuture<>();
        Thread.ofVirtual().name("hermes-call-" + call.name()).start(() -> {
            try {
                result.complete(services.dispatcher().dispatch(call, context));
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                context.finish();
            }
        });
        return result;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cancellation running = currentTurn;
        if (running != null) {
            running.cancel();
        }
        queue.shutdown();
        for (Runnable action : closeActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a close action of session " + id + " failed", e);
            }
        }
        shell.close();
        onClose.accept(this);
    }
}
