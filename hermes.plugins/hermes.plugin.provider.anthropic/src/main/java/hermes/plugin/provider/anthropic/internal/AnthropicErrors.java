package hermes.plugin.provider.anthropic.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelException;
import hermes.api.ModelException.Kind;
import okhttp3.HttpUrl;

/**
 * Turns HTTP statuses, I/O failures and {@code error} stream events of one call into {@link ModelException}s whose
 * kind tells the runtime whether to retry, compact or give up, and whose message names the provider.
 */
final class AnthropicErrors {

    /** Error bodies can be whole HTML pages from a proxy; the start says enough. */
    static final int MAX_MESSAGE_CHARS = 500;

    private final ObjectMapper json;
    private final String provider;
    private final HttpUrl endpoint;
    private final Duration readTimeout;

    AnthropicErrors(ObjectMapper json, String provider, HttpUrl endpoint, Duration readTimeout) {
        this.json = json;
        this.provider = provider;
        this.endpoint = endpoint;
        this.readTimeout = readTimeout;
    }

    /** An HTTP error answer. */
    ModelException forStatus(int status, String body) {
        String message = errorMessage(body);
        String detail = " (HTTP " + status + "): " + message;
        if (status == 401 || status == 403) {
            return new ModelException(Kind.AUTHENTICATION, provider + " rejected the API key" + detail);
        }
        if (status == 429) {
            return new ModelException(Kind.RATE_LIMITED, provider + " is rate limiting requests" + detail);
        }
        if (status == 529) {
            return new ModelException(Kind.SERVER, provider + " is overloaded" + detail);
        }
        if (status >= 500) {
            return new ModelException(Kind.SERVER, provider + " had a server error" + detail);
        }
        if ((status == 400 || status == 413) && mentionsContextLength(message)) {
            return new ModelException(Kind.CONTEXT_LENGTH,
                    provider + " says the conversation is too long for the model" + detail);
        }
        return new ModelException(Kind.BAD_REQUEST, provider + " refused the request" + detail);
    }

    /** A failure to connect, send or receive. */
    ModelException forIOException(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new ModelException(Kind.TIMEOUT, provider + " sent nothing for " + readTimeout.toSeconds()
                    + " s at " + endpoint + "; raise read_timeout_seconds if the model needs longer", e);
        }
        return new ModelException(Kind.NETWORK, "could not reach " + provider + " at " + endpoint + ": " + e, e);
    }

    /** An {@code error} event in the middle of a stream, for example {@code overloaded_error}. */
    ModelException forErrorEvent(JsonNode event) {
        String type = event.path("error").path("type").asText("error");
        String detail = " (" + type + "): " + cap(event.path("error").path("message").asText(""));
        if (type.equals("overloaded_error") || type.equals("api_error")) {
            return new ModelException(Kind.SERVER, provider + " failed mid-stream" + detail);
        }
        if (type.equals("rate_limit_error")) {
            return new ModelException(Kind.RATE_LIMITED, provider + " is rate limiting requests" + detail);
        }
        return new ModelException(Kind.BAD_REQUEST, provider + " refused the request mid-stream" + detail);
    }

    /** An answer this code cannot read; the server is at fault, so a retry may help. */
    ModelException malformed(String what, Throwable cause) {
        return new ModelException(Kind.SERVER, provider + " sent " + what + " at " + endpoint + ": "
                + cap(String.valueOf(cause.getMessage())), cause);
    }

    /** An answer this code cannot read, without an exception to blame. */
    ModelException malformed(String what) {
        return new ModelException(Kind.SERVER, provider + " sent " + what + " at " + endpoint);
    }

    /** The {@code error.message} of an Anthropic error body, else the body itself. */
    private String errorMessage(String body) {
        try {
            JsonNode message = json.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return cap(message.asText());
            }
        } catch (JsonProcessingException e) {
            // a proxy's HTML or plain-text page: show it as it is
        }
        return body.isBlank() ? "no error message in the response" : cap(body.strip());
    }

    private static boolean mentionsContextLength(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("prompt is too long") || lower.contains("context") || lower.contains("too many tokens");
    }

    private static String cap(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
