package hermes.plugin.gateway.internal;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import hermes.api.AgentRuntime;
import hermes.api.Caller;
import hermes.api.ContentPart;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;

/**
 * One chat's conversation: the runtime session it talks to (opened on first need — continuing the stored session
 * the chat was routed to, or a new one), the turns in flight, and the questions (approvals, clarifications) the chat
 * is asked to answer. Events of the session become messages to the chat through the outbox; while a turn runs the
 * chat sees "typing…" and, where the platform edits messages, the answer growing ({@link TurnDisplay}).
 *
 * <p>Threading: any thread; the chat's inbound lane calls in, the runtime delivers events on its own thread.
 */
final class ChatConversation {

    /** What a conversation needs from the gateway. */
    record Services(AgentRuntime runtime, ChatRouter router, OutboxSender outbox, InstantSource clock, ZoneId zone,
                    TurnDisplay.Services display) {
    }

    private static final System.Logger LOG = System.getLogger(ChatConversation.class.getName());
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String key;
    private final Caller caller;
    private final ChatType type;
    private final Services services;
    private final Optional<String> resume;
    private final boolean autoReset;
    private volatile ReplyTarget target;
    private final TurnDisplay display;
    private Session session;
    private AutoCloseable subscription;
    private String sessionId;
    private final Map<String, Optional<String>> replyTargets = new HashMap<>();
    private final Set<String> finishedEarly = new HashSet<>();
    private final ReentrantLock submitting = new ReentrantLock();
    private int turnsInFlight;
    private final Deque<Event.ApprovalRequested> approvals = new ArrayDeque<>();
    private Event.ClarifyRequested clarify;
    private boolean closed;

    /**
     * @param resume the stored session to continue, if the chat has one
     * @param autoReset whether this conversation replaces one the reset policy expired (recorded in sessions.json)
     */
    ChatConversation(String key, Caller caller, ChatType type, ReplyTarget target, Optional<String> resume,
                     boolean autoReset, Services services) {
        this.key = key;
        this.caller = caller;
        this.type = type;
        this.target = target;
        this.resume = resume;
        this.autoReset = autoReset;
        this.services = services;
        this.display = new TurnDisplay(services.display(), () -> this.target);
    }

    /** Replies go where the chat's latest message came from. */
    void retarget(ReplyTarget latest) {
        target = latest;
    }

    /** The runtime session, opened now if it is not yet. */
    synchronized Session session() {
        if (closed) {
            throw new IllegalStateException("the conversation of " + key + " was closed");
        }
        if (session == null) {
            open();
        }
        return session;
    }

    /** The session id, if the session is open. */
    synchronized Optional<String> openSessionId() {
        return Optional.ofNullable(sessionId);
    }

    synchronized boolean busy() {
        return turnsInFlight > 0;
    }

    synchronized int pendingApprovals() {
        return approvals.size();
    }

    /** Starts a turn; a running one is interrupted first unless {@code mode} queues it behind. */
    void submitTurn(List<ContentPart> content, Optional<String> replyTo, GatewaySettings.BusyMode mode) {
        Session current = session();
        boolean interruptFirst;
        synchronized (this) {
            interruptFirst = turnsInFlight > 0 && mode == GatewaySettings.BusyMode.INTERRUPT;
            turnsInFlight++;
        }
        display.busy();
        // the submission lock, not the monitor, is held while the runtime takes the turn: a turn that finishes at
        // once waits for its reply target to be recorded, and the monitor stays free for the runtime's other events
        submitting.lock();
        try {
            if (interruptFirst) {
                current.submit(new Submission.Interrupt());
            }
            String submissionId = current.submit(new Submission.UserTurn(content));
            synchronized (this) {
                if (!finishedEarly.remove(submissionId)) {
                    replyTargets.put(submissionId, replyTo);
                }
            }
        } finally {
            submitting.unlock();
        }
    }

    /** Answers a pending clarifying question with {@code text}; false when none is pending. */
    boolean answerClarify(String text) {
        Event.ClarifyRequested question;
        synchronized (this) {
            question = clarify;
            clarify = null;
        }
        if (question == null) {
            return false;
        }
        session().submit(new Submission.ClarifyAnswer(question.requestId(), text));
        return true;
    }

    /** Takes the oldest approval request that is still open, to be answered with {@link #answer}. */
    Optional<Event.ApprovalRequested> takeApproval() {
        synchronized (this) {
            Instant now = services.clock().instant();
            approvals.removeIf(pending -> pending.expiresAt().isBefore(now));
            return Optional.ofNullable(approvals.poll());
        }
    }

    /** Answers an approval request taken with {@link #takeApproval}. */
    void answer(Event.ApprovalRequested request, Submission.ApprovalAnswer.Decision decision) {
        session().submit(new Submission.ApprovalAnswer(request.requestId(), decision));
    }

    /** Interrupts the running turn; false when none runs. */
    boolean interrupt() {
        Session current;
        synchronized (this) {
            if (turnsInFlight == 0 || session == null) {
                return false;
            }
            current = session;
        }
        current.submit(new Submission.Interrupt());
        return true;
    }

    /** Ends the session (a running turn is interrupted). Idempotent. */
    void close() {
        Session current;
        AutoCloseable events;
        synchronized (this) {
            closed = true;
            current = session;
            events = subscription;
        }
        display.close();
        if (events != null) {
            try {
                events.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the event subscription of " + key, e);
            }
        }
        if (current != null) {
            current.close();
        }
    }

    private void open() {
        Instant now = services.clock().instant();
        boolean resumed = false;
        if (resume.isPresent()) {
            try {
                session = services.runtime().open(new SessionSpec(caller, Optional.empty(), List.of(), resume,
                        Optional.empty(), 0, Map.of(), Optional.empty()));
                resumed = true;
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "the chat " + key + " cannot continue session " + resume.get()
                        + " (" + e.getMessage() + "); it starts a new one");
            }
        }
        if (session == null) {
            session = services.runtime().open(SessionSpec.of(caller));
        }
        sessionId = session.id();
        subscription = session.subscribe(this::onEvent);
        if (resumed) {
            services.router().rebind(key, sessionId);
        } else {
            services.router().bind(key, sessionId, caller, type, now, autoReset);
        }
    }

    private void onEvent(Event event) {
        event.sessionId().ifPresent(this::followSessionId);
        switch (event.payload()) {
            case Event.TextDelta delta -> display.text(delta.text(), event.submissionId().flatMap(this::replyTarget));
            case Event.ToolStarted started -> display.toolsCalled();
            case Event.ApprovalRequested request -> {
                synchronized (this) {
                    approvals.add(request);
                }
                display.interjection();
                send(approvalQuestion(request), Optional.empty());
            }
            case Event.ClarifyRequested question -> {
                synchronized (this) {
                    clarify = question;
                }
                display.interjection();
                send(clarifyQuestion(question), Optional.empty());
            }
            case Event.TurnFinished finished -> {
                Optional<String> replyTo;
                boolean idle;
                submitting.lock();
                try {
                    synchronized (this) {
                        turnsInFlight = Math.max(0, turnsInFlight - 1);
                        idle = turnsInFlight == 0;
                        replyTo = event.submissionId().flatMap(this::takeReplyTarget);
                        // questions of a finished turn can no longer be answered
                        approvals.clear();
                        clarify = null;
                    }
                } finally {
                    submitting.unlock();
                }
                if (idle) {
                    display.idle();
                }
                display.finish(finished.answer(), replyTo);
            }
            case Event.Error error -> {
                display.interjection();
                send("⚠️ " + error.message(), Optional.empty());
            }
            case Event.Notice notice -> {
                // inside a turn notices are progress (retries, fallbacks); outside one they answer the user
                if (!busy()) {
                    send(notice.text(), Optional.empty());
                }
            }
            default -> {
            }
        }
    }

    /**
     * The message a finished turn answers. A runtime that delivers events on the submitting thread can finish a turn
     * before its id is known; that turn is remembered so its target is not kept forever.
     */
    private Optional<String> takeReplyTarget(String submissionId) {
        Optional<String> replyTo = replyTargets.remove(submissionId);
        if (replyTo == null) {
            finishedEarly.add(submissionId);
            return Optional.empty();
        }
        return replyTo;
    }

    /**
     * The message the running turn answers (a preview answers it too). A turn's first text can arrive before
     * {@link #submitTurn} has recorded its target, so this waits for the submission to finish; a runtime that runs the
     * turn on the submitting thread holds that lock itself and gets no target.
     */
    private Optional<String> replyTarget(String submissionId) {
        submitting.lock();
        submitting.unlock();
        synchronized (this) {
            return replyTargets.getOrDefault(submissionId, Optional.empty());
        }
    }

    private void followSessionId(String id) {
        boolean changed;
        synchronized (this) {
            changed = sessionId != null && !id.equals(sessionId);
            if (changed) {
                sessionId = id;
            }
        }
        if (changed) {
            services.router().rebind(key, id);
        }
    }

    private void send(String text, Optional<String> replyTo) {
        ReplyTarget to = target;
        services.outbox().send(to.platform(), to.message(text, replyTo));
    }

    private String approvalQuestion(Event.ApprovalRequested request) {
        return "⚠️ Approval needed to run:\n" + request.command() + "\nReason: " + request.reason()
                + "\n\nReply /approve to run it once, /approve session to allow it for this conversation, /approve"
                + " always to allow it from now on, or /deny. Without an answer it is denied at "
                + request.expiresAt().atZone(services.zone()).format(CLOCK_TIME) + ".";
    }

    private static String clarifyQuestion(Event.ClarifyRequested question) {
        if (question.choices().isEmpty()) {
            return "❓ " + question.question();
        }
        return "❓ " + question.question() + "\n" + question.choices().stream().map(choice -> "• " + choice)
                .collect(Collectors.joining("\n"));
    }
}
