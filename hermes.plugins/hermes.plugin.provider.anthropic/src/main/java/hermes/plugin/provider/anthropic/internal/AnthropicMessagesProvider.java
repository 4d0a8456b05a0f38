package hermes.plugin.provider.anthropic.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelProvider;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The Anthropic Messages wire format ({@code POST /v1/messages}), streamed as server-sent events or in one answer,
 * with prompt caching on every request and extended thinking by {@code reasoning_effort}. Options: see
 * {@link MessagesOptions}.
 *
 * <p>Threading: {@link #chat} only builds the request and enqueues it on the component's OkHttp dispatcher; the
 * listener and the response complete on a dispatcher thread.
 */
@Component(service = ModelProvider.class, property = "hermes.id=" + AnthropicMessagesProvider.ID)
public final class AnthropicMessagesProvider implements ModelProvider {

    static final String ID = "anthropic_messages";
    static final String API_VERSION = "2023-06-01";
    private static final MediaType JSON = MediaType.get("application/json");

    private final ObjectMapper json = new ObjectMapper();
    private final MessagesRequestWriter writer = new MessagesRequestWriter(json);
    private final MessagesResponseReader reader = new MessagesResponseReader(json);
    /** Built on a background thread from activation: the first OkHttp client costs about 300 ms of class loading. */
    private final CompletableFuture<OkHttpClient> client;
    private final java.util.Map<Duration, OkHttpClient> byReadTimeout = new java.util.concurrent.ConcurrentHashMap<>();

    public AnthropicMessagesProvider() {
        client = CompletableFuture.supplyAsync(AnthropicMessagesProvider::newClient,
                runnable -> Thread.ofVirtual().name("hermes-okhttp-warmup").start(runnable));
    }

    private static OkHttpClient newClient() {
        OkHttpClient base = new OkHttpClient.Builder()
                // calls run on virtual threads: a platform thread per call in flight, handed work through a
                // SynchronousQueue, cost a busy gateway kernel time in context switches (bench/gateway)
                .dispatcher(new okhttp3.Dispatcher(java.util.concurrent.Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("hermes-anthropic-call-", 0).factory())))
                .socketFactory(new NoDelaySockets())
                // OkHttp keeps 5 idle connections by default: with more parallel calls to one HTTP/1.1 endpoint (a
                // gateway's sessions, subagents) every call past the fifth paid for a new connection
                .connectionPool(new okhttp3.ConnectionPool(32, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(60))
                .build();
        // OkHttp allows 5 calls per host by default; parallel subagents on one endpoint would queue behind each other.
        base.dispatcher().setMaxRequests(64);
        base.dispatcher().setMaxRequestsPerHost(32);
        return base;
    }

    @Deactivate
    void deactivate() {
        // Calls still running fail as NETWORK errors, so the runtime can retry them on another provider.
        OkHttpClient built = client.join();
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
        String providerName = request.options().getOrDefault(ModelRequest.PROVIDER, MessagesOptions.DEFAULT_PROVIDER);
        MessagesCall call = new MessagesCall(providerName);
        Request http;
        MessagesOptions options;
        try {
            options = MessagesOptions.from(request.options());
            http = httpRequest(options, writer.body(request, options).toString());
        } catch (IllegalArgumentException e) {
            call.fail(new ModelException(ModelException.Kind.BAD_REQUEST, providerName + ": " + e.getMessage(), e));
            return call;
        }
        AnthropicErrors errors = new AnthropicErrors(json, options.provider(), options.endpoint(), options.readTimeout());
        // A derived client shares the dispatcher and the connection pool; only the read timeout differs. One per
        // timeout, not one per call: building it every call showed in a gateway's profile.
        OkHttpClient perCall = byReadTimeout.computeIfAbsent(options.readTimeout(),
                timeout -> client.join().newBuilder().readTimeout(timeout).build());
        if (options.stream()) {
            MessagesStreamAssembler assembler =
                    new MessagesStreamAssembler(json, reader, errors, request.model(), listener);
            EventSource source = EventSources.createFactory(perCall)
                    .newEventSource(http, new StreamCallback(call, assembler, errors, request.model(), listener));
            call.onAbort(source::cancel);
        } else {
            Call single = perCall.newCall(http);
            call.onAbort(single::cancel);
            single.enqueue(new SingleCallback(call, errors, request.model(), listener));
        }
        return call;
    }

    private static Request httpRequest(MessagesOptions options, String body) {
        Request.Builder builder = new Request.Builder()
                .url(options.endpoint())
                .header("anthropic-version", API_VERSION)
                .header("content-type", "application/json")
                .post(RequestBody.create(body, JSON));
        if (!options.apiKey().isEmpty()) {
            if (options.bearerAuth()) {
                builder.header("Authorization", "Bearer " + options.apiKey());
            } else {
                builder.header("x-api-key", options.apiKey());
            }
        }
        return builder.build();
    }

    /** A {@code "stream": false} call: one JSON answer. */
    private final class SingleCallback implements Callback {
        private final MessagesCall call;
        private final AnthropicErrors errors;
        private final String model;
        private final StreamListener listener;

        SingleCallback(MessagesCall call, AnthropicErrors errors, String model, StreamListener listener) {
            this.call = call;
            this.errors = errors;
            this.model = model;
            this.listener = listener;
        }

        @Override
        public void onFailure(Call http, IOException e) {
            call.fail(errors.forIOException(e));
        }

        @Override
        public void onResponse(Call http, Response response) {
            try (response) {
                String body = response.body().string();
                if (call.isDone()) {
                    return;
                }
                if (!response.isSuccessful()) {
                    call.fail(errors.forStatus(response.code(), body));
                    return;
                }
                call.complete(reader.read(body, model, listener, errors));
            } catch (IOException e) {
                call.fail(errors.forIOException(e));
            } catch (ModelException e) {
                call.fail(e);
            }
        }
    }

    /** A streamed call: events feed the assembler until {@code message_stop}. */
    private final class StreamCallback extends EventSourceListener {
        private final MessagesCall call;
        private final MessagesStreamAssembler assembler;
        private final AnthropicErrors errors;
        private final String model;
        private final StreamListener listener;

        StreamCallback(MessagesCall call, MessagesStreamAssembler assembler, AnthropicErrors errors, String model,
                       StreamListener listener) {
            this.call = call;
            this.assembler = assembler;
            this.errors = errors;
            this.model = model;
            this.listener = listener;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (call.isDone()) {
                return;
            }
            try {
                assembler.accept(type == null ? "" : type, data).ifPresent(call::complete);
            } catch (ModelException e) {
                call.fail(e);
                source.cancel();
            } catch (RuntimeException e) {
                // Caught here so that onFailure only ever sees OkHttp's own failures.
                call.fail(errors.malformed("an event that could not be handled", e));
                source.cancel();
            }
        }

        @Override
        public void onClosed(EventSource source) {
            call.fail(errors.malformed("a stream that ended before message_stop"));
        }

        @Override
        public void onFailure(EventSource source, Throwable failure, Response response) {
            if (call.isDone()) {
                return;
            }
            try {
                if (response != null && !response.isSuccessful()) {
                    call.fail(errors.forStatus(response.code(), response.body().string()));
                } else if (response != null && failure instanceof IllegalStateException) {
                    // Not an event stream: some proxies ignore "stream": true and answer in one JSON body.
                    call.complete(reader.read(response.body().string(), model, listener, errors));
                } else if (failure instanceof IOException io) {
                    call.fail(errors.forIOException(io));
                } else {
                    call.fail(errors.malformed("a stream this provider cannot read",
                            failure == null ? new IllegalStateException("no cause given") : failure));
                }
            } catch (IOException e) {
                call.fail(errors.forIOException(e));
            } catch (ModelException e) {
                call.fail(e);
            }
        }
    }
}
