package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import hermes.api.AgentRuntime;
import hermes.api.Caller;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.SessionStore;
import hermes.api.Submission;

/**
 * {@code POST /v1/chat/completions}: one request, one runtime session, one turn.
 *
 * <p>Without {@code X-Hermes-Session-Id} a new session is opened, the request's earlier messages go in as a
 * {@link Submission.Seed} and its last user message as the turn (see {@link ChatRequest}). With the header, the stored
 * session of that id is continued ({@link SessionSpec#resume()}) and only the last user message is new. Either way the
 * answer carries the session's id in {@code X-Hermes-Session-Id}, and the session is closed when the request ends —
 * the conversation lives on in the session store, not in memory.
 *
 * <p>Only sessions this server started (source {@code api_server}) can be continued: sessions of the CLI or a chat
 * platform hold other people's conversations and tool output. Continuing needs a configured key, as in the original.
 * One stored session answers one request at a time; a second concurrent request for it gets 409.
 *
 * <p>A client that disconnects from a stream interrupts the turn. A turn that outlives {@code agent.gateway_timeout}
 * is interrupted and answered with 504.
 *
 * <p>Threading: any number of requests at once, each on its own virtual thread; the only shared state is the set of
 * sessions being continued.
 */
final class ChatCompletions {

    static final String PLATFORM = "api_server";
    /** The original's limit on session header values. */
    static final int MAX_SESSION_ID_LENGTH = 256;

    private static final System.Logger LOG = System.getLogger(ChatCompletions.class.getName());

    private final AgentRuntime runtime;
    private final Supplier<Optional<SessionStore>> store;
    private final ServerSettings settings;
    private final CompletionJson json;
    private final Duration keepalive;
    private final Set<String> continuing = ConcurrentHashMap.newKeySet();

    ChatCompletions(AgentRuntime runtime, Supplier<Optional<SessionStore>> store, ServerSettings settings,
                    CompletionJson json, Duration keepalive) {
        this.runtime = runtime;
        this.store = store;
        this.settings = settings;
        this.json = json;
        this.keepalive = keepalive;
    }

    void handle(HttpExchange exchange) throws IOException, ApiError, InterruptedException {
        byte[] body = Exchanges.body(exchange);
        Optional<String> resume = sessionHeader(exchange);
        ChatRequest request = ChatRequest.parse(parse(body), resume.isPresent(), settings.modelName());
        if (resume.isPresent()) {
            requireApiSession(resume.get());
            if (!continuing.add(resume.get())) {
                throw ApiError.of(409, "session " + resume.get() + " is answering another request: wait for that "
                        + "answer, then send this one", "session_busy");
            }
        }
        LastWrite last;
        try {
            CompletionJson.Header header = CompletionJson.Header.next(request.model());
            Caller caller = new Caller(PLATFORM, Optional.of(resume.orElse(header.id())), Optional.empty(),
                    request.user(), Caller.Trust.AUTHORIZED);
            // nobody watches a non-streamed answer grow, so the model is not asked to stream it either (as the
            // original, which streams from the provider only when a consumer takes the deltas): one JSON body to read
            // instead of a stream of chunks
            Map<String, String> settingsOverride = request.stream() ? Map.of() : Map.of("agent.stream", "false");
            Session session = open(new SessionSpec(caller, Optional.empty(), List.of(), resume, Optional.empty(), 0,
                    settingsOverride, Optional.empty()));
            try (session; TurnWatcher watcher = TurnWatcher.watch(session)) {
                if (!request.seed().isEmpty()) {
                    session.submit(new Submission.Seed(request.seed()));
                }
                session.submit(request.turn());
                Instant deadline = Instant.now().plus(settings.turnTimeout());
                last = request.stream() ? stream(exchange, session, watcher, header, deadline)
                        : answer(exchange, session, watcher, header, deadline);
            }
        } finally {
            resume.ifPresent(continuing::remove);
        }
        // only now may the client see the end of the answer: a client that sends its next turn the moment it has
        // this one must find the session closed and free, not get 409 from a request that is still tidying up
        last.write();
    }

    /** The end of an answer, written once the session is closed and released. */
    @FunctionalInterface
    private interface LastWrite {
        void write() throws IOException, ApiError;
    }

    private LastWrite answer(HttpExchange exchange, Session session, TurnWatcher watcher,
                             CompletionJson.Header header, Instant deadline)
            throws ApiError, InterruptedException {
        List<String> errors = new ArrayList<>();
        while (true) {
            Optional<Event.Payload> payload = watcher.next(Duration.between(Instant.now(), deadline));
            if (payload.isEmpty()) {
                if (!Instant.now().isBefore(deadline)) {
                    interrupt(session);
                    throw timedOut();
                }
                continue;
            }
            switch (payload.get()) {
                case Event.Error error -> errors.add(error.message());
                case Event.TurnFinished finished -> {
                    Optional<ApiError> failure = failure(finished, errors);
                    if (failure.isPresent()) {
                        throw failure.get();
                    }
                    byte[] completion = json.bytes(json.completion(header, finished.answer(), finishReason(finished),
                            finished.usage()));
                    Map<String, String> headers = Map.of(Exchanges.SESSION_HEADER, session.id());
                    return () -> Exchanges.json(exchange, 200, completion, headers);
                }
                default -> {
                    // deltas and notices: the non-streaming answer is the turn's final text
                }
            }
        }
    }

    private LastWrite stream(HttpExchange exchange, Session session, TurnWatcher watcher,
                             CompletionJson.Header header, Instant deadline)
            throws IOException, InterruptedException {
        EventStream events = new EventStream(exchange, json, header, session::id);
        List<String> errors = new ArrayList<>();
        try {
            while (true) {
                Duration left = Duration.between(Instant.now(), deadline);
                Optional<Event.Payload> payload = watcher.next(left.compareTo(keepalive) < 0 ? left : keepalive);
                if (payload.isEmpty()) {
                    if (!Instant.now().isBefore(deadline)) {
                        interrupt(session);
                        ApiError timeout = timedOut();
                        return () -> events.fail(timeout);
                    }
                    events.keepalive();
                    continue;
                }
                switch (payload.get()) {
                    case Event.TextDelta delta -> events.text(delta.text());
                    case Event.ToolStarted started -> events.toolStarted(started);
                    case Event.ToolFinished finished -> events.toolFinished(finished);
                    case Event.Error error -> errors.add(error.message());
                    case Event.TurnFinished finished -> {
                        Optional<ApiError> failure = failure(finished, errors);
                        if (failure.isPresent()) {
                            return () -> events.fail(failure.get());
                        }
                        return () -> events.finish(finishReason(finished), finished.usage());
                    }
                    default -> {
                        // reasoning and notices are not part of an OpenAI answer
                    }
                }
            }
        } catch (IOException clientGone) {
            interrupt(session);
            LOG.log(System.Logger.Level.INFO, "API client disconnected; interrupted the turn of session "
                    + session.id());
            throw clientGone;
        }
    }

    /** Why a finished turn is not an answer: a runtime error (502) or an interruption we did not ask for (503). */
    private static Optional<ApiError> failure(Event.TurnFinished finished, List<String> errors) {
        return switch (finished.reason()) {
            case "error" -> Optional.of(ApiError.server(502, errors.isEmpty()
                    ? "the agent failed without saying why: see logs/hermes.log" : String.join("; ", errors),
                    "agent_error"));
            case "interrupted" -> Optional.of(ApiError.server(503, "the turn was interrupted before it finished "
                    + "(the server may be stopping): send the request again", "interrupted"));
            default -> Optional.empty();
        };
    }

    /** OpenAI's finish reasons: {@code length} when the agent ran out of turns, else {@code stop}. */
    private static String finishReason(Event.TurnFinished finished) {
        return finished.reason().equals("max_turns") ? "length" : "stop";
    }

    private ApiError timedOut() {
        return ApiError.server(504, "the agent did not finish within " + settings.turnTimeout().toSeconds()
                + " s (agent.gateway_timeout): ask for less, or raise the limit in config.yaml", "timeout");
    }

    private static void interrupt(Session session) {
        try {
            session.submit(new Submission.Interrupt());
        } catch (IllegalStateException closed) {
            // closed already: nothing runs any more
        }
    }

    private Session open(SessionSpec spec) throws ApiError {
        try {
            return runtime.open(spec);
        } catch (IllegalArgumentException e) {
            // the runtime could not resume: the session went away after our check
            throw ApiError.of(404, e.getMessage(), "session_not_found");
        }
    }

    private JsonNode parse(byte[] body) throws ApiError {
        try {
            return json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("the request body is not valid JSON (" + e.getOriginalMessage() + "): send "
                    + "a JSON object as OpenAI's chat completions API expects", "body");
        } catch (IOException e) {
            // reading a byte array fails only on malformed input, which Jackson reports above
            throw ApiError.badRequest("the request body cannot be read: " + e.getMessage(), "body");
        }
    }

    /**
     * The session to continue, from {@code X-Hermes-Session-Id}; empty when the header is absent or blank.
     *
     * @throws ApiError 400 for a malformed id, 403 when no key is configured (continuing needs one)
     */
    private Optional<String> sessionHeader(HttpExchange exchange) throws ApiError {
        String raw = exchange.getRequestHeaders().getFirst(Exchanges.SESSION_HEADER);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String id = raw.strip();
        if (id.length() > MAX_SESSION_ID_LENGTH || id.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiError.badRequest(Exchanges.SESSION_HEADER + " must be at most " + MAX_SESSION_ID_LENGTH
                    + " characters without control characters: send back the id an earlier answer gave in that "
                    + "header", Exchanges.SESSION_HEADER);
        }
        if (!settings.requiresKey()) {
            throw ApiError.of(403, "continuing a session needs API key authentication: set API_SERVER_KEY and "
                    + "send Authorization: Bearer <key>", "session_continuation_requires_key");
        }
        return Optional.of(id);
    }

    /** Refuses ids that are unknown or belong to another platform's session (404 either way: no probing). */
    private void requireApiSession(String id) throws ApiError {
        SessionStore sessions = store.get().orElseThrow(() -> ApiError.server(503, "cannot continue session " + id
                + ": no session store is installed (hermes doctor shows the plugins)", "session_store_unavailable"));
        Optional<SessionStore.SessionRecord> found;
        try {
            found = sessions.find(id);
        } catch (IOException e) {
            throw ApiError.server(503, "cannot read the session store: " + e.getMessage(), "session_store_error");
        }
        if (found.filter(record -> record.source().equals(PLATFORM)).isEmpty()) {
            throw ApiError.of(404, "unknown session id '" + id + "': send an id this server gave in "
                    + Exchanges.SESSION_HEADER + ", or leave the header out to start a new conversation",
                    "session_not_found");
        }
    }
}
