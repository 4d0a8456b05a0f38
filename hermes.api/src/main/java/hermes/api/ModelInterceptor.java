package hermes.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Wraps every model call: redaction, tracing, caching hints, plugin hooks. Interceptors form a chain (the OkHttp
 * {@code Interceptor.Chain} shape): each may change the request, call {@link Chain#proceed}, and change the response.
 * The runtime's own safety interceptors always run outermost.
 *
 * <p>Threading: any thread; one call per chain. Errors: an exception fails the model call with its message.
 */
@ConsumerType
public interface ModelInterceptor {

    ModelResponse intercept(Chain chain) throws ModelException, InterruptedException;

    /** The rest of the chain. Implemented by the runtime. */
    @ProviderType
    interface Chain {
        /** The session making the call. */
        String sessionId();

        ModelRequest request();

        /** Passes {@code request} on to the next interceptor, and finally to the provider. */
        ModelResponse proceed(ModelRequest request) throws ModelException, InterruptedException;
    }
}
