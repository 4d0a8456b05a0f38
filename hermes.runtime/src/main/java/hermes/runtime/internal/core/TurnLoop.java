package hermes.runtime.internal.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import hermes.api.ContentPart;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.SessionStore;
import hermes.api.StreamListener;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.api.Usage;
import hermes.runtime.internal.models.Cancellation;
import hermes.runtime.internal.models.ModelCaller;
import hermes.runtime.internal.models.ModelRoute;
import hermes.runtime.internal.models.ModelRouter;
import hermes.runtime.internal.models.ProviderProfile;

/**
 * One user turn (reference §8): call the model, run the tools it asks for, feed the results back, until it answers
 * without tools or {@code agent.max_turns} tool iterations are used — then one last tool-less call asks for a summary.
 * The turn works on a copy of the history and commits it whole at the end; an interrupted or failed turn leaves the
 * history as it was.
 */
final class TurnLoop {

    private final RuntimeSession session;
    private final RuntimeServices services;
    private final Cancellation cancellation;
    private Usage usage = Usage.NONE;
    private int apiCalls;
    private int toolIterations;
    private boolean completed;
    /** This turn's messages so far; committed whole at the end (a failed turn's go only to its trajectory). */
    private final List<Message> turn = new ArrayList<>();

    TurnLoop(RuntimeSession session, RuntimeServices services, Cancellation cancellation) {
        this.session = session;
        this.services = services;
        this.cancellation = cancellation;
    }

    /** How many times the model asked for tools in this turn (the skill nudge counts them). */
    int toolIterations() {
        return toolIterations;
    }

    /** The conversation as this turn leaves it: the history, then the turn's own messages, committed or not. */
    List<Message> transcript() {
        List<Message> all = new ArrayList<>(session.conversation().history());
        if (!completed) {
            all.addAll(turn);
        }
        return all;
    }

    /** Whether the turn ran to an answer and was committed. */
    boolean completed() {
        return completed;
    }

    /** The session's model route followed by its fallbacks; throws a routing error naming what to configure. */
    static List<ModelRoute> routes(RuntimeSession session) {
        ModelRouter router = router(session);
        List<ModelRoute> routes = new ArrayList<>();
        routes.add(router.resolve(session.modelSelection()));
        List<String> problems = new ArrayList<>();
        for (ModelRoute fallback : router.fallbacks(problems)) {
            if (routes.stream().noneMatch(r -> r.label().equals(fallback.label()))) {
                routes.add(fallback);
            }
        }
        return routes;
    }

    static ModelRouter router(RuntimeSession session) {
        RuntimeServices services = session.services();
        return new ModelRouter(session.settings()::get, services.settings().secrets()::get, services.providers()::has);
    }

    void run(List<ContentPart> content) {
        List<ModelRoute> routes;
        try {
            routes = routes(session);
        } catch (ModelRouter.RoutingException e) {
            finish("error", e.getMessage(), "");
            return;
        }
        Conversation conversation = session.conversation();
        freeze(conversation, routes.get(0));
        turn.add(userMessage(content));
        int maxTurns = Math.max(1, session.settings().integer("agent.max_turns", 90));
        try {
            String reason = "stop";
            String answer;
            for (int iteration = 0; ; iteration++) {
                boolean grace = iteration >= maxTurns;
                if (grace) {
                    turn.add(Message.user(PromptBuilder.graceRequest()));
                    reason = "max_turns";
                }
                Message reply = call(conversation, turn, routes, grace);
                turn.add(reply);
                if (reply.toolCalls().isEmpty() || grace) {
                    answer = reply.text();
                    break;
                }
                toolIterations++;
                List<ToolResult> results = new ToolBatch(services.dispatcher(), session, session::emit)
                        .run(reply.toolCalls(), cancellation);
                if (cancellation.isCancelled()) {
                    throw new InterruptedException();
                }
                for (int i = 0; i < results.size(); i++) {
                    turn.add(Message.toolResult(reply.toolCalls().get(i).id(), results.get(i).content()));
                }
            }
            commit(conversation, turn, routes.get(0));
            completed = true;
            finish(reason, null, answer);
        } catch (InterruptedException e) {
            finish("interrupted", null, "");
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.CANCELLED || cancellation.isCancelled()) {
                finish("interrupted", null, "");
            } else if (e.kind() == ModelException.Kind.CONTEXT_LENGTH) {
                finish("error", "the conversation no longer fits the model's context window (" + e.getMessage()
                        + "): start a new one with /new", "");
            } else {
                finish("error", e.getMessage(), "");
            }
        }
    }

    private void freeze(Conversation conversation, ModelRoute route) {
        if (conversation.systemPrompt().isPresent()) {
            return;
        }
        SessionSettings settings = session.settings();
        List<String> toolsets = session.spec().toolsets().isEmpty() ? settings.strings("toolsets")
                : session.spec().toolsets();
        // a leaf subagent never delegates; an orchestrator child may while the depth limit allows
        boolean mayDelegate = session.depth() < Math.max(1, settings.integer("delegation.max_spawn_depth", 1))
                && (session.depth() == 0 || settings.text("delegation.role").orElse("").equals("orchestrator"));
        List<ToolSpec> tools = ToolSelection.select(services.registry().available(), toolsets,
                settings.strings("agent.disabled_toolsets"), session.depth(), mayDelegate);
        String prompt = session.spec().systemPrompt().or(conversation::storedPrompt)
                .orElseGet(() -> SystemPrompt.assemble(session, tools, route.model()));
        conversation.freeze(prompt, tools);
    }

    private Message userMessage(List<ContentPart> content) {
        List<String> notices = session.takeNotices();
        if (notices.isEmpty()) {
            return new Message(Message.Role.USER, content, List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        List<ContentPart> parts = new ArrayList<>(content);
        String text = parts.isEmpty() || !(parts.get(0) instanceof ContentPart.Text first) ? ""
                : ((ContentPart.Text) parts.remove(0)).text();
        parts.add(0, new ContentPart.Text(PromptBuilder.withNotices(notices, text)));
        return new Message(Message.Role.USER, parts, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Message call(Conversation conversation, List<Message> turn, List<ModelRoute> routes, boolean grace)
            throws ModelException, InterruptedException {
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(conversation.systemPrompt().orElseThrow()));
        messages.addAll(conversation.history());
        messages.addAll(turn);
        ModelRequest request = new ModelRequest(routes.get(0).model(), messages,
                grace ? List.of() : conversation.tools(), options(routes.get(0)));
        AtomicBoolean streamed = new AtomicBoolean();
        StreamListener listener = new StreamListener() {
            @Override
            public void onText(String delta) {
                if (!cancellation.isCancelled() && !delta.isEmpty()) {
                    streamed.set(true);
                    session.emit(new Event.TextDelta(delta));
                }
            }

            @Override
            public void onReasoning(String delta) {
                if (!cancellation.isCancelled() && !delta.isEmpty()) {
                    session.emit(new Event.ReasoningDelta(delta));
                }
            }
        };
        int retries = Math.max(0, session.settings().integer("agent.api_max_retries", 3));
        ModelCaller.Answer answer = services.caller().call(session.id(), routes, request, retries, listener,
                cancellation, notice -> session.emit(new Event.Notice(notice)));
        apiCalls += answer.attempts();
        ModelResponse response = answer.response();
        usage = usage.plus(response.usage());
        session.conversation().addUsage(response.usage());
        if (!streamed.get() && !response.message().text().isEmpty()) {
            session.emit(new Event.TextDelta(response.message().text()));
        }
        return response.message();
    }

    private Map<String, String> options(ModelRoute route) {
        SessionSettings settings = session.settings();
        Map<String, String> options = new HashMap<>();
        options.put(ModelRequest.STREAM, String.valueOf(settings.flag("agent.stream", true)));
        settings.text("agent.max_tokens").ifPresent(v -> options.put(ModelRequest.MAX_TOKENS, v));
        settings.text("agent.temperature").ifPresent(v -> options.put(ModelRequest.TEMPERATURE, v));
        settings.text("prompt_caching.cache_ttl").ifPresent(v -> options.put(ModelRequest.CACHE_TTL, v));
        // medium is the default everywhere; sending it to endpoints that do not reason (local servers, older
        // models) can be refused, so only Anthropic (thinking budgets) and explicit choices get it
        settings.text("agent.reasoning_effort")
                .filter(effort -> route.wire().equals(ProviderProfile.ANTHROPIC_MESSAGES) || !effort.equals("medium"))
                .ifPresent(effort -> options.put(ModelRequest.REASONING_EFFORT, effort));
        return options;
    }

    private void commit(Conversation conversation, List<Message> turn, ModelRoute route) {
        try {
            Optional<SessionStore> store = services.store().get();
            conversation.commit(turn, store, session.caller().platform(), route.label());
            if (store.isPresent()) {
                store.get().addUsage(conversation.id(), usage, apiCalls);
            }
        } catch (IOException e) {
            session.emit(new Event.Error("this turn could not be saved to the session store: " + e.getMessage()
                    + " (it stays in memory for this session)"));
        }
    }

    private void finish(String reason, String error, String answer) {
        if (error != null) {
            session.emit(new Event.Error(error));
        }
        session.emit(new Event.TurnFinished(reason, usage, apiCalls, answer));
    }
}
