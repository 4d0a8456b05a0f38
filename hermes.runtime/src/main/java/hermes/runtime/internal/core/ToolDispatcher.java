package hermes.runtime.internal.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolInterceptor;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.runtime.internal.models.ServiceKey;
import hermes.runtime.internal.tools.ToolRegistry;

/**
 * Runs one tool call through the interceptor chain and into the tool, the same way for the turn loop and for direct
 * calls. The safety chain fails closed (DESIGN §8.5): a mutating call is refused unless an interceptor registered with
 * the service property {@code hermes.safety=approvals} is present. Plugin interceptors run inside it, by service ranking.
 */
@Component(service = ToolDispatcher.class)
public final class ToolDispatcher {

    /** Service property that marks the runtime's own safety interceptors. */
    public static final String SAFETY_PROPERTY = "hermes.safety";

    private final ToolRegistry registry;
    private final List<Ranked> interceptors = new CopyOnWriteArrayList<>();

    private record Ranked(ServiceKey key, boolean safety, boolean approvals, ToolInterceptor interceptor) {
    }

    @Activate
    public ToolDispatcher(@Reference ToolRegistry registry) {
        this.registry = registry;
    }

    /** Binds an interceptor; public so tests install the safety chain without a framework. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addInterceptor(ToolInterceptor interceptor, Map<String, Object> properties) {
        Object safety = properties.get(SAFETY_PROPERTY);
        interceptors.add(new Ranked(ServiceKey.of(properties), safety != null, "approvals".equals(safety),
                interceptor));
    }

    public void removeInterceptor(ToolInterceptor interceptor, Map<String, Object> properties) {
        ServiceKey key = ServiceKey.of(properties);
        interceptors.removeIf(r -> r.key().equals(key));
    }

    /** The tool that owns {@code name} now, if any (to ask it whether a call mutates). */
    public Optional<Tool> find(String name) {
        return registry.lookup(name) instanceof ToolRegistry.Lookup.Found found
                ? Optional.of(found.tool()) : Optional.empty();
    }

    /** Runs {@code call}; never throws for a tool's failure — the model reads it as an error result. */
    public ToolResult dispatch(ToolCall call, CallContext context) throws InterruptedException {
        ToolRegistry.Lookup lookup = registry.lookup(call.name());
        if (lookup instanceof ToolRegistry.Lookup.Missing missing) {
            return ToolResult.error(missing.message());
        }
        ToolRegistry.Lookup.Found found = (ToolRegistry.Lookup.Found) lookup;
        boolean mutating;
        try {
            mutating = found.tool().isMutating(call);
        } catch (RuntimeException e) {
            mutating = true;
        }
        List<Ranked> chain = ordered();
        if (mutating && chain.stream().noneMatch(Ranked::approvals)) {
            return ToolResult.error("refused: '" + call.name() + "' may change files or processes, and the approvals"
                    + " safety check is not running, so mutating tools are disabled (run `hermes doctor`)");
        }
        return new Link(chain, 0, found, context, mutating, call).run();
    }

    /** Safety interceptors first, then the rest by descending service ranking. */
    private List<Ranked> ordered() {
        return interceptors.stream().sorted((a, b) -> {
            if (a.safety() != b.safety()) {
                return a.safety() ? -1 : 1;
            }
            return b.key().compareTo(a.key());
        }).toList();
    }

    private static String failure(Throwable e) {
        return "Tool execution failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** One position in the chain: the call as the previous link passed it on. */
    private record Link(List<Ranked> chain, int index, ToolRegistry.Lookup.Found tool, CallContext context,
                        boolean mutating, ToolCall call) implements ToolInterceptor.Chain {

        @Override
        public ToolSpec spec() {
            return tool.spec();
        }

        @Override
        public ToolResult proceed(ToolCall next) throws InterruptedException {
            return new Link(chain, index + 1, tool, context, mutating, next).run();
        }

        ToolResult run() throws InterruptedException {
            if (index < chain.size()) {
                try {
                    return chain.get(index).interceptor().intercept(this);
                } catch (RuntimeException e) {
                    return ToolResult.error(failure(e));
                }
            }
            tool.inFlight().enter(context);
            try {
                return tool.tool().call(call, context);
            } catch (RuntimeException | LinkageError e) {
                // a plugin's exception becomes type name and message; the object itself never leaves here
                return ToolResult.error(failure(e));
            } finally {
                tool.inFlight().exit(context);
            }
        }
    }
}
