package hermes.plugin.provider.openai.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelCall;
import hermes.api.ModelException;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One Chat Completions request in flight: reads the answer on OkHttp's dispatcher thread (server-sent events or one
 * JSON object) and completes {@link #response()}.
 *
 * <p>Threading: {@link #response()} and {@link #cancel()} from any thread; everything else runs on the one dispatcher
 * thread that reads this call's answer, so the listener sees events in order, one at a time.
 */
final class RunningCall implements ModelCall, Callback {

    /** How much of an error body is read: enough for any message, bounded against a runaway server. */
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private final CompletableFuture<ModelResponse> response = new CompletableFuture<>();
    private final Call call;
    private final String model;
    private final RequestOptions options;
    private final ObjectMapper json;
    private final ErrorMapper errors;
    private final StreamAssembler assembler;

    RunningCall(Call call, String model, RequestOptions options, StreamListener listener, ObjectMapper json,
                ErrorMapper errors) {
        this.call = call;
        this.model = model;
        this.options = options;
        this.json = json;
        this.errors = errors;
        // a non-streamed answer arrives whole; the listener only hears about answers it asked to see streamed
        this.assembler = new StreamAssembler(options.stream() ? listener : StreamListener.NONE, json, errors, options);
    }

    /** Sends the request; the answer is read on OkHttp's dispatcher. */
    RunningCall start() {
        call.enqueue(this);
        return this;
    }

    @Override
    public CompletableFuture<ModelResponse> response() {
        return response;
    }

    @Override
    public void cancel() {
        call.cancel();
        response.completeExceptionally(ErrorMapper.cancelled(options));
    }

    @Override
    public void onFailure(Call failed, IOException failure) {
        fail(errors.forIoFailure(failure, options, failed.isCanceled()));
    }

    @Override
    public void onResponse(Call answered, Response answer) {
        try (answer) {
            if (!answer.isSuccessful()) {
                String body = answer.peekBody(ERROR_BODY_LIMIT).string();
                fail(errors.forStatus(answer.code(), body, options, model));
            } else if (options.stream() && isEventStream(answer.body())) {
                EventSources.processResponse(answer, new EventReader());
            } else {
                // also the answer of a server that ignores "stream": true and sends one JSON object
                readWholeAnswer(answer.body().string());
            }
        } catch (IOException e) {
            fail(errors.forIoFailure(e, options, answered.isCanceled()));
        } catch (RuntimeException e) {
            // OkHttp would only log it, and the caller would wait for ever
            fail(ErrorMapper.unprocessable(options, e));
        }
    }

    private void readWholeAnswer(String body) {
        try {
            assembler.accept(json.readTree(body));
            complete();
        } catch (JsonProcessingException e) {
            fail(ErrorMapper.malformed(options, "not JSON", e));
        } catch (ModelException e) {
            fail(e);
        }
    }

    private void complete() {
        if (!response.isDone()) {
            response.complete(assembler.response(model));
        }
    }

    private void fail(ModelException failure) {
        response.completeExceptionally(failure);
    }

    private static boolean isEventStream(ResponseBody body) {
        MediaType type = body.contentType();
        return type != null && type.type().equals("text") && type.subtype().equals("event-stream");
    }

    /** Reads the server-sent events of a streamed answer. */
    private final class EventReader extends EventSourceListener {

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (response.isDone()) {
                return; // cancelled, or failed on an earlier event: nothing more reaches the listener
            }
            if (data.strip().equals("[DONE]")) {
                complete();
                return;
            }
            try {
                assembler.accept(json.readTree(data));
            } catch (JsonProcessingException e) {
                fail(ErrorMapper.malformed(options, "an event is not JSON", e));
                call.cancel();
            } catch (ModelException e) {
                fail(e);
                call.cancel();
            }
        }

        @Override
        public void onClosed(EventSource source) {
            if (assembler.hasFinished()) {
                complete(); // servers that end the stream without [DONE]
            } else if (!response.isDone()) {
                fail(new ModelException(ModelException.Kind.SERVER, options.providerName()
                        + " closed the stream before the answer was complete"));
            }
        }

        @Override
        public void onFailure(EventSource source, Throwable failure, Response answer) {
            if (failure instanceof IOException io) {
                fail(errors.forIoFailure(io, options, call.isCanceled()));
            } else if (failure != null) {
                // the listener threw: the rest of this answer would reach nobody
                fail(ErrorMapper.unprocessable(options, failure));
            }
        }
    }
}
