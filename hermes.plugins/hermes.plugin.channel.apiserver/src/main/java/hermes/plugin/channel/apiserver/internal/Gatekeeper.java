package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Who may talk to the server: the bearer key, and browsers by origin.
 *
 * <p>Browsers: a request that carries an {@code Origin} header comes from a web page. It is refused (403) unless
 * {@code API_SERVER_CORS_ORIGINS} lists that origin (or {@code *}), so a page the user happens to visit cannot drive
 * the agent through a loopback server; with the origin listed, answers carry the CORS headers and preflights
 * ({@code OPTIONS}) are answered without a key, as browsers send them without credentials. Clients that are not
 * browsers send no origin and are unaffected. This follows the original.
 */
final class Gatekeeper {

    private final List<String> corsOrigins;
    private final byte[] key;

    Gatekeeper(ServerSettings settings) {
        this.corsOrigins = settings.corsOrigins();
        this.key = settings.key().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks the origin and adds the CORS headers to the answer.
     *
     * @return false when the exchange has been answered already (a refused origin, a preflight)
     */
    boolean admitOrigin(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return true;
        }
        boolean any = corsOrigins.contains("*");
        if (!any && !corsOrigins.contains(origin)) {
            Exchanges.empty(exchange, 403);
            return false;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            headers.set("Vary", "Origin");
        }
        headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type, " + Exchanges.SESSION_HEADER);
        // so a page can read the session id it needs to continue the conversation
        headers.set("Access-Control-Expose-Headers", Exchanges.SESSION_HEADER);
        headers.set("Access-Control-Max-Age", "600");
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            Exchanges.empty(exchange, 204);
            return false;
        }
        return true;
    }

    /**
     * Checks {@code Authorization: Bearer <key>} when a key is set.
     *
     * @throws ApiError 401 when the header is missing or the key differs
     */
    void authenticate(HttpExchange exchange) throws ApiError {
        if (key.length == 0) {
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            // constant time: the comparison must not tell an attacker how much of a guess was right
            if (MessageDigest.isEqual(given, key)) {
                return;
            }
        }
        throw ApiError.of(401, "missing or invalid API key: send the header Authorization: Bearer <API_SERVER_KEY>",
                "invalid_api_key");
    }
}
