package hermes.plugin.tools.delegation.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import hermes.api.Event;
import hermes.plugin.tools.delegation.internal.ChildEvents.ToolTrace;

/**
 * What the parent learns about one subagent.
 *
 * @param status {@code completed}, {@code failed}, {@code interrupted} or {@code error}
 * @param summary the subagent's final answer
 * @param model the model that answered, {@code provider:model}; empty when the session never opened
 * @param exitReason {@code completed}, {@code max_iterations}, {@code interrupted} or {@code error}
 * @param error why the subagent failed, for the statuses other than completed
 */
record ChildResult(int taskIndex, String status, String summary, int apiCalls, Duration duration, String model,
                   String exitReason, long inputTokens, long outputTokens, List<ToolTrace> toolTrace,
                   Optional<String> error) {

    ChildResult {
        toolTrace = List.copyOf(toolTrace);
    }

    /** The result of a turn that ended, however it ended. */
    static ChildResult finished(int taskIndex, Event.TurnFinished end, ChildEvents events, String model,
                                Duration duration, int maxIterations) {
        boolean answered = !end.answer().isBlank();
        String status = switch (end.reason()) {
            // the original: completed whenever a summary exists, also after the iteration cap's summary call
            case "stop", "max_turns" -> answered ? "completed" : "failed";
            case "interrupted" -> "interrupted";
            default -> "failed";
        };
        String exitReason = switch (end.reason()) {
            case "stop" -> "completed";
            case "max_turns" -> "max_iterations";
            case "interrupted" -> "interrupted";
            default -> "error";
        };
        Optional<String> error = status.equals("failed")
                ? events.lastError().or(() -> Optional.of(end.reason().equals("max_turns")
                        ? "the subagent used all " + maxIterations + " iterations (delegation.max_iterations) "
                                + "before it finished; give it a smaller task"
                        : answered ? "the subagent's turn ended with '" + end.reason() + "'"
                                : "the subagent ended without a summary"))
                : Optional.empty();
        return new ChildResult(taskIndex, status, end.answer().strip(), end.apiCalls(), duration, model, exitReason,
                end.usage().inputTokens(), end.usage().outputTokens(), events.trace(), error);
    }

    /** A subagent that never ran because the parent was cancelled first. */
    static ChildResult notStarted(int taskIndex) {
        return new ChildResult(taskIndex, "interrupted", "", 0, Duration.ZERO, "", "interrupted", 0, 0, List.of(),
                Optional.empty());
    }

    /** A subagent whose session failed (could not open, or threw). */
    static ChildResult failed(int taskIndex, RuntimeException failure, ChildEvents events, String model,
                              Duration duration) {
        return new ChildResult(taskIndex, "error", "", 0, duration, model, "error", 0, 0, events.trace(),
                Optional.of(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }
}
