package hermes.runtime.internal.models;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelInterceptor;
import hermes.api.ModelProvider;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;

/**
 * Makes one model call with the original's resilience (reference §8): up to {@code agent.api_max_retries} retries of a
 * transient failure (429, 5xx, timeouts, network) on the same route with jittered exponential backoff, then the next
 * route of the {@code fallback_providers} chain. Context-length errors and cancellation are never retried: they go back
 * to the caller as they are. Every model call passes through the {@code ModelInterceptor} chain.
 *
 * <p>Threading: one instance serves every session; {@link #call} blocks the calling (virtual) thread.
 */
public final class ModelCaller {

    /** Waits between attempts; injected so tests run the schedule without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        /** @return true when the wait was cut short by cancellation */
        boolean sleep(Duration duration, Cancellation cancellation) throws InterruptedException;

        Sleeper REAL = (duration, cancellation) -> cancellation.await(duration);
    }

    private final ModelProviders providers;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public ModelCaller(ModelProviders providers, Backoff backoff, Sleeper sleeper) {
        this.providers = providers;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * Calls the first route, retrying and falling back as needed.
     *
     * @param routes the primary route, then the fallbacks in order (at least one)
     * @param request the request; model and endpoint options are filled in per route
     * @param maxRetries retries per route after the first attempt
     * @param notices receives one line per retry or fallback, for the user
     * @return the response and the route that gave it
     * @throws ModelException the last failure when every route failed, or at once for context length or cancellation
     */
    public Answer call(String sessionId, List<ModelRoute> routes, ModelRequest request, int maxRetries,
                       StreamListener listener, Cancellation cancellation, Consumer<String> notices)
            throws ModelException, InterruptedException {
        ModelException last = null;
        for (int r = 0; r < routes.size(); r++) {
            ModelRoute route = routes.get(r);
            if (r > 0) {
                notices.accept("falling back to " + route.label() + " after: " + last.getMessage());
            }
            for (int attempt = 0; ; attempt++) {
                if (cancellation.isCancelled()) {
                    throw new ModelException(ModelException.Kind.CANCELLED, "interrupted");
                }
                try {
                    return new Answer(once(sessionId, route, request, listener, cancellation), route, attempt + 1);
                } catch (ModelException e) {
                    last = e;
                    if (e.kind() == ModelException.Kind.CANCELLED || e.kind() == ModelException.Kind.CONTEXT_LENGTH) {
                        throw e;
                    }
                    if (!e.retryable() || attempt >= maxRetries) {
                        break;
                    }
                    Duration delay = backoff.delay(attempt + 1);
                    notices.accept(String.format("%s: %s; retrying in %.1f s (attempt %d of %d)", route.label(),
                            e.getMessage(), delay.toMillis() / 1000.0, attempt + 2, maxRetries + 1));
                    if (sleeper.sleep(delay, cancellation)) {
                        throw new ModelException(ModelException.Kind.CANCELLED, "interrupted");
                    }
                }
            }
        }
        throw last;
    }

    /** A successful call: the response, the route that answered and how many requests it took there. */
    public record Answer(ModelResponse response, ModelRoute route, int attempts) {
    }

    private ModelResponse once(String sessionId, ModelRoute route, ModelRequest request, StreamListener listener,
                               Cancellation cancellation) throws ModelException, InterruptedException {
        ModelProvider provider = providers.find(route.wire()).orElseThrow(() -> new ModelException(
                ModelException.Kind.BAD_REQUEST, "no installed provider plugin speaks '" + route.wire() + "' (needed"
                + " for " + route.provider() + "): check `hermes plugins list` and the bundle folder"));
        ModelRequest routed = new ModelRequest(route.model(), request.messages(), request.tools(),
                withEndpoint(request.options(), route));
        List<ModelInterceptor> chain = providers.interceptors();
        return new Link(sessionId, chain, 0, routed, provider, listener, cancellation).proceed(routed);
    }

    private static Map<String, String> withEndpoint(Map<String, String> options, ModelRoute route) {
        Map<String, String> all = new HashMap<>(options);
        all.put(ModelRequest.PROVIDER, route.provider());
        if (!route.baseUrl().isBlank()) {
            all.put(ModelRequest.BASE_URL, route.baseUrl());
        }
        route.apiKey().ifPresent(key -> all.put(ModelRequest.API_KEY, key));
        route.authStyle().ifPresent(style -> all.put(ModelRequest.AUTH_STYLE, style));
        all.putIfAbsent(ModelRequest.READ_TIMEOUT_SECONDS, String.valueOf(route.readTimeoutSeconds()));
        return all;
    }

    /** One position of the interceptor chain; the last one calls the provider and waits, cancellably. */
    private record Link(String sessionId, List<ModelInterceptor> chain, int index, ModelRequest request,
                        ModelProvider provider, StreamListener listener, Cancellation cancellation)
            implements ModelInterceptor.Chain {

        @Override
        public ModelResponse proceed(ModelRequest next) throws ModelException, InterruptedException {
            if (index < chain.size()) {
                Link inner = new Link(sessionId, chain, index + 1, next, provider, listener, cancellation);
                try {
                    return chain.get(index).intercept(inner);
                } catch (RuntimeException e) {
                    throw new ModelException(ModelException.Kind.BAD_REQUEST, "a model interceptor failed: " + e, e);
                }
            }
            ModelCall call;
            try {
                call = provider.chat(next, listener);
            } catch (RuntimeException e) {
                throw new ModelException(ModelException.Kind.SERVER, "the provider plugin failed: " + e, e);
            }
            Runnable cancel = call::cancel;
            cancellation.onCancel(cancel);
            try {
                CompletableFuture<ModelResponse> future = call.response().toCompletableFuture();
                return future.get();
            } catch (InterruptedException e) {
                call.cancel();
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ModelException me) {
                    throw me;
                }
                throw new ModelException(ModelException.Kind.SERVER, "the provider failed: " + e.getCause(),
                        e.getCause());
            } finally {
                cancellation.remove(cancel);
            }
        }
    }
}
