package hermes.runtime.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelRequest;
import hermes.api.StreamListener;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.runtime.internal.models.Cancellation;
import hermes.runtime.internal.models.ModelRoute;

/**
 * A review turn forked from a conversation (reference §4 "self-improvement loop"): the same model, the same frozen
 * system prompt and a copy of the history, one review request, and only the memory and skill tools. It runs through
 * the normal tool chain (the scanner checks every write) but commits nothing and emits nothing to the session: the
 * main transcript, stored or shown, never changes because of it.
 */
final class ReviewTurn {

    /** The tools a review may use; everything else is left out of its request. */
    static final Set<String> MEMORY_TOOLS = Set.of("memory");
    static final Set<String> SKILL_TOOLS = Set.of("skills_list", "skill_view", "skill_manage");
    /** A review is a short side task: a few lookups and writes. */
    private static final int MAX_ITERATIONS = 8;

    private ReviewTurn() {
    }

    /** What a review did: the tools it called successfully, in order. */
    record Outcome(List<String> writes) {
    }

    /**
     * Runs the review of {@code history} with {@code request} as its last user message.
     *
     * @param allowed the tool names the review may call (those the session offers)
     */
    static Outcome run(RuntimeSession session, String systemPrompt, List<Message> history, List<ToolSpec> sessionTools,
                       Set<String> allowed, String request, Cancellation cancellation)
            throws ModelException, InterruptedException {
        List<ToolSpec> tools = sessionTools.stream().filter(t -> allowed.contains(t.name())).toList();
        List<String> writes = new ArrayList<>();
        if (tools.isEmpty()) {
            return new Outcome(writes);
        }
        List<ModelRoute> routes = TurnLoop.routes(session);
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(systemPrompt));
        messages.addAll(history);
        messages.add(Message.user(request));
        RuntimeServices services = session.services();
        for (int iteration = 0; iteration < MAX_ITERATIONS && !cancellation.isCancelled(); iteration++) {
            ModelRequest call = new ModelRequest(routes.get(0).model(), List.copyOf(messages), tools,
                    Map.of(ModelRequest.STREAM, "false"));
            Message reply = services.caller().call(session.id(), routes, call, 1, StreamListener.NONE, cancellation,
                    notice -> { }).response().message();
            messages.add(reply);
            if (reply.toolCalls().isEmpty()) {
                break;
            }
            List<ToolCall> calls = reply.toolCalls();
            List<ToolResult> results = new ToolBatch(services.dispatcher(), session, event -> { })
                    .run(calls, cancellation);
            for (int i = 0; i < results.size(); i++) {
                messages.add(Message.toolResult(calls.get(i).id(), results.get(i).content()));
                boolean wrote = !results.get(i).error() && !calls.get(i).name().equals("skill_view")
                        && !calls.get(i).name().equals("skills_list");
                if (wrote) {
                    writes.add(calls.get(i).name());
                }
            }
        }
        return new Outcome(writes);
    }
}
