package hermes.plugin.tools.delegation.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import hermes.api.Session;
import hermes.api.Submission;

/**
 * The subagents of one delegate_task call that are running now, so cancelling the parent's call interrupts them all.
 *
 * <p>Threading: {@link #interruptAll} runs on whatever thread cancels the call while runners come and go.
 */
final class ChildInterrupts {

    private static final System.Logger LOG = System.getLogger(ChildInterrupts.class.getName());

    /** How long an interrupted subagent may take to end its turn before its runner stops waiting. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private record Running(Session session, ChildEvents events) {
    }

    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    boolean isCancelled() {
        return cancelled;
    }

    /**
     * Registers a subagent whose turn was just submitted. If the parent was cancelled meanwhile, the subagent is
     * interrupted at once: either this check or {@link #interruptAll}'s sweep sees the other side.
     */
    void started(Session session, ChildEvents events) {
        Running child = new Running(session, events);
        running.add(child);
        if (cancelled) {
            interrupt(child);
        }
    }

    void ended(Session session, ChildEvents events) {
        running.remove(new Running(session, events));
    }

    void interruptAll() {
        cancelled = true;
        running.forEach(ChildInterrupts::interrupt);
    }

    private static void interrupt(Running child) {
        try {
            child.session().submit(new Submission.Interrupt());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot interrupt subagent session " + child.session().id(), e);
        }
        child.events().giveUpAfter(GRACE);
    }
}
