package hermes.plugin.tools.delegation.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import hermes.api.Event;
import hermes.api.Usage;

/**
 * Listens to one subagent's session: pairs its tool calls by call id into a trace, keeps its last error message and
 * waits for the end of its turn.
 *
 * <p>Threading: events arrive on a runtime thread; the subagent's runner reads on its own.
 */
final class ChildEvents implements Consumer<Event> {

    /** One tool call of the subagent, sized in UTF-8 bytes. */
    record ToolTrace(String tool, long argsBytes, long resultBytes, boolean ok) {
    }

    private final CompletableFuture<Event.TurnFinished> finished = new CompletableFuture<>();
    private final Map<String, ToolTrace> calls = new LinkedHashMap<>();
    private Optional<String> lastError = Optional.empty();

    @Override
    public synchronized void accept(Event event) {
        switch (event.payload()) {
            // a call that never finishes (the turn was interrupted) stays in the trace as failed, with no result
            case Event.ToolStarted started -> calls.put(started.callId(),
                    new ToolTrace(started.toolName(), bytes(started.arguments()), 0, false));
            case Event.ToolFinished done -> calls.put(done.callId(), new ToolTrace(done.toolName(),
                    Optional.ofNullable(calls.get(done.callId())).map(ToolTrace::argsBytes).orElse(0L),
                    bytes(done.result().content()), !done.result().error()));
            case Event.Error error -> lastError = Optional.of(error.message());
            case Event.TurnFinished end -> finished.complete(end);
            default -> {
                // text deltas, notices and the like are not part of what the parent receives
            }
        }
    }

    /** Waits for the end of the subagent's turn. */
    Event.TurnFinished awaitFinish() throws InterruptedException {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the end of a subagent's turn is never exceptional", e);
        }
    }

    /**
     * Ends the wait as interrupted after {@code grace} if the session has not reported the end of its turn by then, so
     * a cancelled parent is never held by a child that does not stop.
     */
    void giveUpAfter(Duration grace) {
        finished.completeOnTimeout(new Event.TurnFinished("interrupted", Usage.NONE, 0, ""), grace.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    synchronized List<ToolTrace> trace() {
        return List.copyOf(calls.values());
    }

    synchronized Optional<String> lastError() {
        return lastError;
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
