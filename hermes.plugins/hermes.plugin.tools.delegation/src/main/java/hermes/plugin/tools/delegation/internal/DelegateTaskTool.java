package hermes.plugin.tools.delegation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.AgentRuntime;
import hermes.api.Session;
import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.plugin.tools.delegation.internal.DelegationRequest.Role;

/**
 * {@code delegate_task}: hands one task, or a batch run concurrently, to focused subagents, each a child session of
 * the caller's, and gives the parent only their summaries and statistics.
 *
 * <p>The limits come from the calling session's configuration ({@code delegation.*}) on every call. The tools a
 * subagent may not use and the automatic denial of its approvals are the runtime's part, for every session deeper
 * than 0.
 */
@Component(service = Tool.class)
public final class DelegateTaskTool implements Tool {

    // the registry reads spec() once, so the text states the defaults and names the keys that change them
    private static final ToolSpec SPEC = ToolSpec.of("delegate_task", Subagents.DELEGATION_TOOLSET, """
            Hand work to focused subagents and get back only their summaries. Each subagent starts a fresh \
            conversation with its own terminal session and cannot see yours: give it a self-contained goal and put \
            everything it needs (paths, names, constraints, what done looks like) in context. One task: goal, context, \
            toolsets. Several independent tasks: tasks[]; they run at the same time, at most \
            delegation.max_concurrent_children per call (default 3), and a larger batch is refused. Each subagent \
            may take up to delegation.max_iterations turns (default 50). Subagents cannot use delegate_task, clarify, \
            memory, send_message or execute_code, and their approval requests are denied, so give them work that needs \
            none of these. Subagents cannot delegate further unless delegation.max_spawn_depth (default 1) is 2 or \
            more; then role "orchestrator" lets a subagent split its task among subagents of its own. Use it for \
            independent research or self-contained chunks of work that would flood your context; do small tasks \
            yourself. The result gives, per task: status, summary, api_calls, duration_seconds, model, exit_reason, \
            tokens and a trace of the tools the subagent called.""", """
            {"type":"object","properties":{\
            "goal":{"type":"string","description":"what the subagent should achieve (one task)"},\
            "context":{"type":"string","description":"everything the subagent needs to know: it sees nothing else"},\
            "toolsets":{"type":"array","items":{"type":"string"},\
            "description":"toolsets the subagent gets, e.g. [\\"terminal\\", \\"file\\", \\"web\\"]; default: yours"},\
            "tasks":{"type":"array","description":"several independent tasks run concurrently \
            (at most delegation.max_concurrent_children, default 3); replaces goal/context",\
            "items":{"type":"object","properties":{\
            "goal":{"type":"string"},"context":{"type":"string"},\
            "toolsets":{"type":"array","items":{"type":"string"}}},"required":["goal"]}},\
            "role":{"type":"string","enum":["leaf","orchestrator"],\
            "description":"leaf (default) cannot delegate; orchestrator may, when delegation.max_spawn_depth >= 2"}}}""");

    private final AgentRuntime runtime;

    @Activate
    public DelegateTaskTool(@Reference AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
        Optional<Session> caller = runtime.session(context.sessionId());
        int depth = caller.map(session -> session.spec().depth()).orElse(0);
        DelegationLimits limits;
        DelegationRequest request;
        try {
            Map<String, Object> arguments = call.parsedArguments();
            limits = DelegationLimits.of(context);
            request = DelegationRequest.parse(arguments,
                    caller.map(session -> session.spec().toolsets()).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            return ToolResult.error(e.getMessage());
        }
        Optional<String> refusal = refusal(request, limits, depth, caller);
        if (refusal.isPresent()) {
            return ToolResult.error(refusal.get());
        }
        return ToolResult.ok(new Subagents(runtime, context, limits, depth, request.role()).run(request.tasks()));
    }

    /** Why the request cannot run under the limits, if it cannot. */
    private static Optional<String> refusal(DelegationRequest request, DelegationLimits limits, int depth,
                                            Optional<Session> caller) {
        if (depth + 1 > limits.maxSpawnDepth()) {
            return Optional.of("Subagents cannot delegate further: this session is at depth " + depth
                    + " and delegation.max_spawn_depth is " + limits.maxSpawnDepth()
                    + ". Do the work yourself with your own tools.");
        }
        boolean leafChild = depth > 0 && !caller.flatMap(session -> Optional.ofNullable(
                session.spec().settings().get(Subagents.ROLE_SETTING))).orElse("").equals(Role.ORCHESTRATOR.wireName());
        if (leafChild) {
            return Optional.of("Subagents cannot delegate further: this session is a leaf subagent. "
                    + "Do the work yourself with your own tools.");
        }
        if (request.role() == Role.ORCHESTRATOR && depth + 2 > limits.maxSpawnDepth()) {
            return Optional.of("role 'orchestrator' needs delegation.max_spawn_depth of at least " + (depth + 2)
                    + " so its subagents can delegate, but it is " + limits.maxSpawnDepth()
                    + ". Use role 'leaf', or raise delegation.max_spawn_depth in config.yaml.");
        }
        int batch = request.tasks().size();
        if (batch > limits.maxConcurrentChildren()) {
            return Optional.of("Too many tasks: " + batch + " given, but at most " + limits.maxConcurrentChildren()
                    + " subagents may run at once (delegation.max_concurrent_children). Send at most "
                    + limits.maxConcurrentChildren() + " tasks per call, or raise the limit in config.yaml.");
        }
        return Optional.empty();
    }
}
