package hermes.plugin.provider.openai.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelException;
import hermes.api.ModelException.Kind;

/**
 * Turns HTTP statuses, error bodies and I/O failures into {@link ModelException}s whose kind tells the runtime what to
 * do (retry, compact, give up) and whose message names the provider and the problem. Thread-safe.
 */
final class ErrorMapper {

    /** Longest piece of a server's body quoted in a message. */
    static final int QUOTE_LIMIT = 500;

    /** How servers of this wire format word "the prompt does not fit" (OpenAI, vLLM, llama.cpp, OpenRouter, …). */
    private static final List<String> CONTEXT_LENGTH_MARKERS = List.of("context_length_exceeded",
            "maximum context length", "context window", "too many tokens", "prompt is too long", "reduce the length",
            "exceeds the available context size");

    private final ObjectMapper json;

    ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    /** A non-2xx answer. */
    ModelException forStatus(int status, String body, RequestOptions options, String model) {
        String provider = options.providerName();
        String detail = " (HTTP " + status + "): " + quotedMessage(body);
        if (status == 401 || status == 403) {
            return new ModelException(Kind.AUTHENTICATION, provider + " rejected the API key" + detail);
        }
        if (status == 402) {
            return new ModelException(Kind.AUTHENTICATION, provider + " refused the request for lack of credit" + detail
                    + "; add credit to the account or use another key");
        }
        if (status == 429) {
            return new ModelException(Kind.RATE_LIMITED, provider + " is rate limiting requests" + detail);
        }
        if (status >= 500) {
            return new ModelException(Kind.SERVER, provider + " had a server error" + detail);
        }
        if ((status == 400 || status == 413 || status == 422) && mentionsContextLength(body)) {
            return new ModelException(Kind.CONTEXT_LENGTH, "the conversation does not fit the context window of "
                    + model + " at " + provider + detail);
        }
        if (status == 404) {
            return new ModelException(Kind.BAD_REQUEST, provider + " found no model '" + model + "' at "
                    + options.baseUrl() + detail + "; check the model name and the base URL");
        }
        if (status == 408) {
            return new ModelException(Kind.TIMEOUT, provider + " timed out waiting for the request" + detail);
        }
        return new ModelException(Kind.BAD_REQUEST, provider + " refused the request" + detail);
    }

    /** A failure to connect, send or read; a cancelled call fails the same way, so the caller says which it was. */
    ModelException forIoFailure(IOException failure, RequestOptions options, boolean cancelled) {
        if (cancelled) {
            return cancelled(options);
        }
        String url = options.endpoint().toString();
        if (failure instanceof SocketTimeoutException) {
            return new ModelException(Kind.TIMEOUT, options.providerName() + " did not answer in time at " + url + " ("
                    + failure.getMessage() + "); the read timeout is " + options.readTimeout().toSeconds()
                    + " s, set by the model option read_timeout_seconds", failure);
        }
        if (failure instanceof UnknownHostException) {
            return new ModelException(Kind.NETWORK, "could not reach " + url + ": unknown host "
                    + options.endpoint().host() + "; check base_url and the network", failure);
        }
        return new ModelException(Kind.NETWORK, "could not reach " + url + ": " + rootMessage(failure), failure);
    }

    static ModelException cancelled(RequestOptions options) {
        return new ModelException(Kind.CANCELLED, "the request to " + options.providerName() + " was cancelled");
    }

    /** An {@code error} object inside a successful answer: the upstream model failed after the headers went out. */
    ModelException forErrorInAnswer(JsonNode error, RequestOptions options) {
        // wrapped so that both {"message": ...} objects and plain strings are quoted by the same rule
        String body = json.createObjectNode().set("error", error).toString();
        String message = options.providerName() + " reported an error in its answer: " + quotedMessage(body);
        return new ModelException(mentionsContextLength(body) ? Kind.CONTEXT_LENGTH : Kind.SERVER, message);
    }

    /** An answer this wire format cannot read. */
    static ModelException malformed(RequestOptions options, String what, Exception cause) {
        return new ModelException(Kind.SERVER, options.providerName() + " sent a malformed answer (" + what + "): "
                + cap(String.valueOf(cause.getMessage())), cause);
    }

    /** A failure while handing the answer on, not the server's fault but fatal to the call. */
    static ModelException unprocessable(RequestOptions options, Throwable cause) {
        return new ModelException(Kind.SERVER, "could not process the answer of " + options.providerName() + ": "
                + cause, cause);
    }

    /**
     * The server's own words: {@code error.message}, {@code error} as text, {@code message} or {@code detail} of a JSON
     * body; otherwise the body itself, capped.
     */
    String quotedMessage(String body) {
        if (body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode error = root.path("error");
            for (JsonNode candidate : List.of(error.path("message"), error, root.path("message"), root.path("detail"))) {
                if (candidate.isTextual() && !candidate.textValue().isBlank()) {
                    return cap(candidate.textValue());
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: quote the text as it is
        }
        return cap(body.strip());
    }

    private static boolean mentionsContextLength(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return CONTEXT_LENGTH_MARKERS.stream().anyMatch(lower::contains);
    }

    private static String rootMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    private static String cap(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }
}
