package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Reading requests and writing whole JSON answers on the JDK's {@link HttpExchange}. */
final class Exchanges {

    /** The largest body read (the original's limit): long conversations with tool output fit, a flood does not. */
    static final int MAX_BODY_BYTES = 10_000_000;

    static final String SESSION_HEADER = "X-Hermes-Session-Id";

    private Exchanges() {
    }

    /**
     * The request body.
     *
     * @throws ApiError 413 when it is larger than {@link #MAX_BODY_BYTES}
     */
    static byte[] body(HttpExchange exchange) throws IOException, ApiError {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiError.of(413, "the request body is larger than " + MAX_BODY_BYTES / 1_000_000
                        + " MB: send a shorter conversation, or continue a stored one with " + SESSION_HEADER,
                        "body_too_large");
            }
            return body;
        }
    }

    /** Headers every answer carries (the original's): no content sniffing, no referrer leaking. */
    static void securityHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    }

    /** Sends a whole JSON answer and closes the exchange. */
    static void json(HttpExchange exchange, int status, byte[] json, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** Sends a status without a body (a CORS preflight, a refused browser origin) and closes the exchange. */
    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
