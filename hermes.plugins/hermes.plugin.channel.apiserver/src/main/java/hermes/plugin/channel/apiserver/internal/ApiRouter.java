package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The server's one handler: origin and key checks, then the endpoint by exact path. Every failure becomes an
 * OpenAI-style error object here, once.
 *
 * <p>Endpoints: {@code GET /health} and {@code GET /v1/health} (no key: monitors probe them), {@code GET /v1/models},
 * {@code POST /v1/chat/completions}.
 *
 * <p>Threading: each exchange on its own virtual thread; the router keeps no per-request state.
 */
final class ApiRouter implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiRouter.class.getName());

    private final Gatekeeper gatekeeper;
    private final CompletionJson json;
    private final String modelName;
    private final ChatCompletions chat;

    ApiRouter(Gatekeeper gatekeeper, CompletionJson json, String modelName, ChatCompletions chat) {
        this.gatekeeper = gatekeeper;
        this.json = json;
        this.modelName = modelName;
        this.chat = chat;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            Exchanges.securityHeaders(exchange);
            if (!gatekeeper.admitOrigin(exchange)) {
                return;
            }
            try {
                route(exchange);
            } catch (ApiError error) {
                refuse(exchange, error);
            } catch (InterruptedException e) {
                // the server is stopping: the request's session is closed on the way out
                Thread.currentThread().interrupt();
                refuse(exchange, ApiError.server(503, "the API server is stopping: send the request again once it "
                        + "is back", "server_stopping"));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "API request " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed", e);
                refuse(exchange, ApiError.server(500, "internal error: " + e + " (details in logs/hermes.log)",
                        "internal_error"));
            }
        } catch (IOException e) {
            // the client went away; a running turn was interrupted where it was detected
            LOG.log(System.Logger.Level.DEBUG, "API client disconnected: " + e.getMessage());
        }
    }

    private void route(HttpExchange exchange) throws IOException, ApiError, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/health") || path.equals("/v1/health")) {
            requireMethod(exchange, "GET");
            Exchanges.json(exchange, 200, json.bytes(json.health()), Map.of());
            return;
        }
        gatekeeper.authenticate(exchange);
        switch (path) {
            case "/v1/models" -> {
                requireMethod(exchange, "GET");
                Exchanges.json(exchange, 200, json.bytes(json.models(modelName, Instant.now().getEpochSecond())),
                        Map.of());
            }
            case "/v1/chat/completions" -> {
                requireMethod(exchange, "POST");
                chat.handle(exchange);
            }
            default -> throw ApiError.of(404, "there is no endpoint " + path + ": this server offers "
                    + "POST /v1/chat/completions, GET /v1/models and GET /health", "not_found");
        }
    }

    private static void requireMethod(HttpExchange exchange, String allowed) throws ApiError {
        String method = exchange.getRequestMethod();
        if (!method.equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw ApiError.of(405, method + " is not allowed here: use " + allowed, "method_not_allowed");
        }
    }

    /** Answers with the error object, unless the answer has begun (a stream reports its own errors). */
    private void refuse(HttpExchange exchange, ApiError error) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        if (error.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        Exchanges.json(exchange, error.status(), json.bytes(json.error(error)), Map.of());
    }
}
