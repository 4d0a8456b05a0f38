package hermes.runtime.internal.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import hermes.runtime.internal.models.Cancellation;

/**
 * Questions a session waits on (approvals, clarify), by request id. Any front end may answer; the first answer wins,
 * a late or unknown one is ignored. Waiting ends with the answer, the timeout, or the turn's cancellation.
 *
 * @param <T> the answer type
 */
final class PendingQuestions<T> {

    private final Map<String, CompletableFuture<T>> open = new ConcurrentHashMap<>();

    /** A new request id with its pending answer. */
    String open() {
        String id = UUID.randomUUID().toString();
        open.put(id, new CompletableFuture<>());
        return id;
    }

    /** Answers {@code id}; false when it is not waiting (already answered, expired or unknown). */
    boolean answer(String id, T answer) {
        CompletableFuture<T> future = open.get(id);
        return future != null && future.complete(answer);
    }

    /** Waits for the answer to {@code id}; empty on timeout or cancellation. The request is closed either way. */
    Optional<T> await(String id, Duration timeout, Cancellation turn) throws InterruptedException {
        CompletableFuture<T> future = open.get(id);
        Runnable cancel = () -> future.cancel(false);
        turn.onCancel(cancel);
        try {
            return Optional.ofNullable(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } finally {
            turn.remove(cancel);
            open.remove(id);
        }
    }
}
