package hermes.api;

/**
 * Why a model call failed. Providers complete {@link ModelCall#response()} with it; the runtime decides about retries
 * and fallback from {@link #kind()}.
 */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public ModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying again (after a backoff) may succeed. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.TIMEOUT || kind == Kind.NETWORK;
    }

    /** The kinds of failure the runtime treats differently. */
    public enum Kind {
        /** 401/403: the key is missing or wrong. Not retried; the message says which variable to set. */
        AUTHENTICATION,
        /** 429. Retried with backoff, then the next fallback provider. */
        RATE_LIMITED,
        /** 5xx. Retried with backoff. */
        SERVER,
        /** No answer in time. Retried. */
        TIMEOUT,
        /** Connection refused, reset, DNS. Retried. */
        NETWORK,
        /** The prompt does not fit the model's context window: compaction, not a retry. */
        CONTEXT_LENGTH,
        /** Any other 4xx: the request itself is wrong. Not retried. */
        BAD_REQUEST,
        /** The call was cancelled. */
        CANCELLED
    }
}
