package hermes.plugin.tools.delegation.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolContext;
import hermes.plugin.tools.delegation.internal.DelegationRequest.ChildTask;
import hermes.plugin.tools.delegation.internal.DelegationRequest.Role;

/**
 * Runs the subagents of one delegate_task call: each in a child session of its own, a batch concurrently, and reports
 * what they did. Cancelling the parent's call interrupts every subagent; every child session is closed at the end.
 */
final class Subagents {

    private static final System.Logger LOG = System.getLogger(Subagents.class.getName());

    /** The session setting that tells the runtime a subagent keeps delegate_task (and this tool that it may use it). */
    static final String ROLE_SETTING = "delegation.role";
    static final String MAX_TURNS_SETTING = "agent.max_turns";
    static final String DELEGATION_TOOLSET = "delegation";

    private final AgentRuntime runtime;
    private final ToolContext parent;
    private final DelegationLimits limits;
    private final int childDepth;
    private final Role role;
    private final ChildInterrupts interrupts = new ChildInterrupts();

    Subagents(AgentRuntime runtime, ToolContext parent, DelegationLimits limits, int parentDepth, Role role) {
        this.runtime = runtime;
        this.parent = parent;
        this.limits = limits;
        this.childDepth = parentDepth + 1;
        this.role = role;
    }

    /** Runs the tasks and returns the result text, entries sorted by task index. */
    String run(List<ChildTask> tasks) throws InterruptedException {
        long start = System.nanoTime();
        parent.onCancel(interrupts::interruptAll);
        List<ChildResult> results = tasks.size() == 1 ? List.of(run(tasks.getFirst())) : runConcurrently(tasks);
        return DelegationJson.results(results.stream().sorted(Comparator.comparingInt(ChildResult::taskIndex)).toList(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * One virtual thread per task. The tool refuses batches larger than the concurrency limit, so starting them all
     * at once never exceeds it.
     */
    private List<ChildResult> runConcurrently(List<ChildTask> tasks) throws InterruptedException {
        List<ChildResult> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ChildResult>> running = tasks.stream().map(task -> executor.submit(() -> run(task))).toList();
            try {
                for (Future<ChildResult> child : running) {
                    results.add(child.get());
                }
            } catch (InterruptedException e) {
                // the children stop within the grace period, so closing the executor does not hang
                interrupts.interruptAll();
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a subagent runner failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private ChildResult run(ChildTask task) throws InterruptedException {
        if (interrupts.isCancelled()) {
            return ChildResult.notStarted(task.index());
        }
        long start = System.nanoTime();
        ChildEvents events = new ChildEvents();
        Session session;
        try {
            session = runtime.open(spec(task));
        } catch (RuntimeException e) {
            return ChildResult.failed(task.index(), e, events, "", elapsedSince(start));
        }
        try {
            AutoCloseable subscription = session.subscribe(events);
            try {
                session.submit(Submission.UserTurn.text(task.goal()));
                interrupts.started(session, events);
                Event.TurnFinished end = events.awaitFinish();
                return ChildResult.finished(task.index(), end, events, session.model(), elapsedSince(start),
                        limits.maxIterations());
            } finally {
                interrupts.ended(session, events);
                close(subscription);
            }
        } catch (RuntimeException e) {
            return ChildResult.failed(task.index(), e, events, modelOf(session), elapsedSince(start));
        } finally {
            session.close();
        }
    }

    private SessionSpec spec(ChildTask task) {
        List<String> toolsets = new ArrayList<>(task.toolsets());
        Map<String, String> settings = new HashMap<>();
        settings.put(MAX_TURNS_SETTING, String.valueOf(limits.maxIterations()));
        if (role == Role.ORCHESTRATOR) {
            settings.put(ROLE_SETTING, Role.ORCHESTRATOR.wireName());
            // an orchestrator given an explicit toolset list still needs delegate_task to do its job
            if (!toolsets.isEmpty() && !toolsets.contains(DELEGATION_TOOLSET)) {
                toolsets.add(DELEGATION_TOOLSET);
            }
        }
        String prompt = FocusedPrompt.of(task, parent.workingDirectory(), role, childDepth, limits.maxSpawnDepth());
        // the model stays empty: the runtime gives a child the parent's model
        return new SessionSpec(parent.caller(), Optional.empty(), toolsets, Optional.empty(),
                Optional.of(parent.sessionId()), childDepth, settings, Optional.of(prompt));
    }

    private static String modelOf(Session session) {
        try {
            return session.model();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing a subagent subscription failed", e);
        }
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
