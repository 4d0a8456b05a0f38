package hermes.plugin.provider.openai.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelProvider;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The OpenAI-compatible Chat Completions wire format ({@code POST {base_url}/chat/completions}), spoken by OpenAI,
 * OpenRouter, Nous Portal, z.ai, Kimi, MiniMax, DeepSeek, Ollama, vLLM, llama.cpp and most custom endpoints.
 *
 * <p>Reads the {@link ModelRequest} options {@code base_url}, {@code api_key}, {@code provider}, {@code stream},
 * {@code max_tokens}, {@code temperature}, {@code reasoning_effort} and {@code read_timeout_seconds}.
 *
 * <p>Threading: {@link #chat} only builds the request and hands it to OkHttp; answers are read on OkHttp's dispatcher
 * threads. One HTTP client (one connection pool) serves all calls; {@link #deactivate()} cancels the calls in flight and
 * releases its threads and connections.
 */
@Component(service = ModelProvider.class, property = "hermes.id=" + ChatCompletionsProvider.ID)
public final class ChatCompletionsProvider implements ModelProvider {

    static final String ID = "chat_completions";

    /** OkHttp's default of 5 per host would queue parallel sessions and subagents that share one provider. */
    private static final int MAX_CONCURRENT_CALLS = 64;
    /** OpenRouter ranks apps by these headers; they carry nothing about the user. */
    private static final String OPENROUTER_REFERER = "https://hermes-agent.nousresearch.com";
    private static final String OPENROUTER_TITLE = "Hermes Agent";

    /**
     * The HTTP client and the JSON machinery, built on a background thread from activation: the first OkHttp client
     * loads Kotlin, OkHttp and the TLS trust store, and the first ObjectMapper Jackson (together about 300 ms), which
     * would otherwise hold up the bundle's start and every one-shot behind it.
     */
    private final CompletableFuture<Wiring> wiring = CompletableFuture.supplyAsync(Wiring::create,
            runnable -> Thread.ofVirtual().name("hermes-openai-warmup").start(runnable));

    private final Map<Duration, OkHttpClient> byReadTimeout = new ConcurrentHashMap<>();

    private record Wiring(OkHttpClient client, ObjectMapper json, RequestWriter writer, ErrorMapper errors,
                          MediaType jsonType) {
        static Wiring create() {
            // calls run on virtual threads: a platform thread per call in flight, handed work through a
            // SynchronousQueue, cost a busy gateway kernel time in context switches
            Dispatcher dispatcher = new Dispatcher(Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("hermes-openai-call-", 0).factory()));
            dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
            dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
            OkHttpClient client = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    // OkHttp keeps 5 idle connections by default: with more parallel calls to one HTTP/1.1 endpoint
                    // (a gateway's sessions, subagents, a local llama.cpp) every call past the fifth opened a new
                    // connection, which was a sixth of a gateway turn's CPU (bench/gateway)
                    .connectionPool(new ConnectionPool(MAX_CONCURRENT_CALLS, 5, TimeUnit.MINUTES))
                    .socketFactory(new NoDelaySockets())
                    .readTimeout(RequestOptions.DEFAULT_READ_TIMEOUT)
                    .build();
            ObjectMapper json = new ObjectMapper();
            MediaType jsonType = MediaType.get("application/json; charset=utf-8");
            warmUp(json, jsonType);
            return new Wiring(client, json, new RequestWriter(json), new ErrorMapper(json), jsonType);
        }

        /**
         * Builds one request and writes and reads one JSON tree, without sending anything: the first call would
         * otherwise load URL parsing (with OkHttp's IDNA table), request building and Jackson's tree (de)serializers on
         * the path of a one-shot's turn (about 20 ms).
         */
        private static void warmUp(ObjectMapper json, MediaType jsonType) {
            try {
                String body = json.writeValueAsString(json.readTree("{\"messages\":[{\"role\":\"user\",\"n\":1.5}]}"));
                new Request.Builder().url("http://localhost:1/v1/chat/completions")
                        .post(RequestBody.create(body, jsonType)).header("Authorization", "Bearer x").build();
            } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Deactivate
    void deactivate() {
        OkHttpClient built = wiring.join().client();
        built.dispatcher().cancelAll();
        built.dispatcher().executorService().shutdown();
        built.connectionPool().evictAll();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelCall chat(ModelRequest request, StreamListener listener) {
        Wiring wired = wiring.join();
        RequestOptions options;
        RequestBody body;
        try {
            options = RequestOptions.of(request.options());
            body = RequestBody.create(wired.writer().body(request, options).toString(), wired.jsonType());
        } catch (ModelException e) {
            return new FailedCall(CompletableFuture.failedFuture(e));
        }
        Request.Builder http = new Request.Builder().url(options.endpoint()).post(body);
        options.apiKey().ifPresent(key -> http.header("Authorization", "Bearer " + key));
        if (options.isOpenRouter()) {
            http.header("HTTP-Referer", OPENROUTER_REFERER).header("X-Title", OPENROUTER_TITLE);
        }
        OkHttpClient callClient = options.readTimeout().equals(RequestOptions.DEFAULT_READ_TIMEOUT)
                ? wired.client()
                // one client per timeout (local endpoints get 1800 s), sharing pool and dispatcher: building one per
                // call showed in a gateway's profile
                : byReadTimeout.computeIfAbsent(options.readTimeout(),
                        timeout -> wired.client().newBuilder().readTimeout(timeout).build());
        return new RunningCall(callClient.newCall(http.build()), request.model(), options, listener, wired.json(),
                wired.errors())
                .start();
    }

    /** A request that could not be sent because it is wrong; nothing runs, so there is nothing to cancel. */
    private record FailedCall(CompletionStage<ModelResponse> response) implements ModelCall {
        @Override
        public void cancel() {
        }
    }
}
