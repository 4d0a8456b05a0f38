package hermes.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Wraps every tool call: approvals, injection scanning, secret redaction, plugin hooks. Each interceptor may refuse the
 * call (return an error result without proceeding), change it, or change the result. The runtime's safety chain runs
 * outermost and fails closed; plugin interceptors run inside it.
 *
 * <p>Threading: any thread; calls of a parallel batch run concurrently. Errors: an exception becomes an error result.
 */
@ConsumerType
public interface ToolInterceptor {

    ToolResult intercept(Chain chain) throws InterruptedException;

    /** The rest of the chain. Implemented by the runtime. */
    @ProviderType
    interface Chain {
        ToolCall call();

        ToolSpec spec();

        ToolContext context();

        /** Whether the tool says this call may change anything ({@link Tool#isMutating}). */
        boolean mutating();

        /** Passes {@code call} on to the next interceptor, and finally to the tool. */
        ToolResult proceed(ToolCall call) throws InterruptedException;
    }
}
