package hermes.runtime.internal.core;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.runtime.internal.tools.ToolRegistry;

/** Tools for turn-loop tests, and a way to register them without a framework. */
final class TestTools {

    private static final AtomicLong SERVICE_IDS = new AtomicLong(1000);

    private TestTools() {
    }

    /** Registers {@code tool} as if a bundle named {@code test.tools} had published it. */
    static void register(ToolRegistry registry, Tool tool) {
        long serviceId = SERVICE_IDS.incrementAndGet();
        Bundle bundle = (Bundle) Proxy.newProxyInstance(TestTools.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> 7L;
                    case "getSymbolicName" -> "test.tools";
                    case "getHeaders" -> new Hashtable<String, String>();
                    case "getVersion" -> org.osgi.framework.Version.emptyVersion;
                    case "hashCode" -> 7;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        @SuppressWarnings("unchecked")
        ServiceReference<Tool> reference = (ServiceReference<Tool>) Proxy.newProxyInstance(
                TestTools.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> "service.id".equals(args[0]) ? serviceId : null;
                    case "getBundle" -> bundle;
                    case "hashCode" -> (int) serviceId;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        registry.addToolForTest(reference, tool);
    }

    /** A tool that sleeps, then answers its own name and arguments. */
    static Tool sleeping(String name, Duration sleep, boolean mutating) {
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return ToolSpec.of(name, "test", "sleeps, then echoes", ToolSpec.NO_PARAMETERS);
            }

            @Override
            public boolean isMutating(ToolCall call) {
                return mutating;
            }

            @Override
            public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
                Thread.sleep(sleep);
                return ToolResult.ok(name + " " + call.arguments());
            }
        };
    }

    /** Safety-chain stand-in that lets everything through, registered as the approvals interceptor. */
    static void allowEverything(ToolDispatcher dispatcher) {
        dispatcher.addInterceptor(chain -> chain.proceed(chain.call()),
                Map.of("hermes.safety", "approvals", "service.id", SERVICE_IDS.incrementAndGet()));
    }
}
