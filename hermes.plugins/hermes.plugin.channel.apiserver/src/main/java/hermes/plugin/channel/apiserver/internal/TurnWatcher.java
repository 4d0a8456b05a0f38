package hermes.plugin.channel.apiserver.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import hermes.api.Event;
import hermes.api.Session;
import hermes.api.Submission;

/**
 * Hands one session's events from the runtime's thread to the request's thread, and answers the questions an HTTP
 * client cannot: a chat-completions caller has no way to answer an approval prompt or a clarifying question in the
 * middle of its request, so approvals are denied at once (the model reads the refusal and says so) and questions get
 * an empty answer, instead of both waiting out their timeouts while the client waits too.
 *
 * <p>Threading: {@link #accept} runs on the runtime's event thread and only queues; {@link #next} on the request's.
 */
final class TurnWatcher implements Consumer<Event>, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TurnWatcher.class.getName());

    private final Session session;
    private final BlockingQueue<Event.Payload> payloads = new LinkedBlockingQueue<>();
    private final AutoCloseable subscription;

    private TurnWatcher(Session session) {
        this.session = session;
        this.subscription = session.subscribe(this);
    }

    /** Starts watching; call before the first submission so no event is missed. */
    static TurnWatcher watch(Session session) {
        return new TurnWatcher(session);
    }

    @Override
    public void accept(Event event) {
        switch (event.payload()) {
            case Event.ApprovalRequested approval -> {
                LOG.log(System.Logger.Level.INFO, "session " + session.id() + ": denied '" + approval.command()
                        + "' (" + approval.reason() + "): API callers cannot answer approval prompts");
                session.submit(new Submission.ApprovalAnswer(approval.requestId(),
                        Submission.ApprovalAnswer.Decision.DENY));
            }
            case Event.ClarifyRequested question ->
                    session.submit(new Submission.ClarifyAnswer(question.requestId(), ""));
            default -> payloads.add(event.payload());
        }
    }

    /** The next payload, or empty when none came within {@code wait}. */
    Optional<Event.Payload> next(Duration wait) throws InterruptedException {
        return Optional.ofNullable(payloads.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS));
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the event subscription of " + session.id() + " failed", e);
        }
    }
}
