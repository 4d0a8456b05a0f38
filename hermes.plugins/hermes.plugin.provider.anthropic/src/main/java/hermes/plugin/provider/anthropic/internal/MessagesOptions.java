package hermes.plugin.provider.anthropic.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import hermes.api.ModelRequest;
import okhttp3.HttpUrl;

/**
 * The {@link ModelRequest#options()} this wire format reads, parsed and checked once per call.
 *
 * @param endpoint the Messages endpoint ({@code …/v1/messages})
 * @param apiKey the key, empty when the endpoint needs none (a local proxy)
 * @param bearerAuth {@code true} to send the key as {@code Authorization: Bearer}, else as {@code x-api-key}
 * @param provider the user-facing provider name, for error messages
 * @param stream whether to ask for server-sent events
 * @param maxTokens the output budget sent as {@code max_tokens}, already raised to fit a thinking budget
 * @param temperature the sampling temperature; empty when absent or when thinking is on (the API refuses both)
 * @param thinkingBudget the extended-thinking budget in tokens; empty when thinking is off
 * @param oneHourCache {@code true} when cache markers carry {@code "ttl":"1h"}
 * @param readTimeout how long the connection may stay silent
 */
record MessagesOptions(HttpUrl endpoint, String apiKey, boolean bearerAuth, String provider, boolean stream,
                       int maxTokens, Optional<Double> temperature, OptionalInt thinkingBudget, boolean oneHourCache,
                       Duration readTimeout) {

    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    static final String DEFAULT_PROVIDER = "anthropic";
    static final int DEFAULT_MAX_TOKENS = 8192;
    static final int DEFAULT_READ_TIMEOUT_SECONDS = 120;
    /** Room left for the visible answer when thinking takes its budget out of {@code max_tokens}. */
    static final int ANSWER_HEADROOM_TOKENS = 4096;

    /**
     * Parses the options.
     *
     * @throws IllegalArgumentException when an option has a value this provider cannot use; the message names the
     *     option and the accepted values
     */
    static MessagesOptions from(Map<String, String> options) {
        String provider = options.getOrDefault(ModelRequest.PROVIDER, DEFAULT_PROVIDER);
        OptionalInt thinkingBudget = thinkingBudget(options.getOrDefault(ModelRequest.REASONING_EFFORT, "none"));
        int maxTokens = positiveInt(options, ModelRequest.MAX_TOKENS, DEFAULT_MAX_TOKENS);
        if (thinkingBudget.isPresent()) {
            maxTokens = Math.max(maxTokens, thinkingBudget.getAsInt() + ANSWER_HEADROOM_TOKENS);
        }
        Optional<Double> temperature = thinkingBudget.isPresent()
                ? Optional.empty()
                : Optional.ofNullable(options.get(ModelRequest.TEMPERATURE)).map(MessagesOptions::temperature);
        return new MessagesOptions(endpoint(options.getOrDefault(ModelRequest.BASE_URL, DEFAULT_BASE_URL)),
                options.getOrDefault(ModelRequest.API_KEY, ""), bearerAuth(options), provider,
                !"false".equalsIgnoreCase(options.getOrDefault(ModelRequest.STREAM, "true").strip()), maxTokens,
                temperature, thinkingBudget, oneHourCache(options),
                Duration.ofSeconds(positiveInt(options, ModelRequest.READ_TIMEOUT_SECONDS,
                        DEFAULT_READ_TIMEOUT_SECONDS)));
    }

    /** {@code {base}/v1/messages}, or {@code {base}/messages} when the base already names the API version. */
    static HttpUrl endpoint(String baseUrl) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String url = base.endsWith("/v1") ? base + "/messages" : base + "/v1/messages";
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("base_url '" + baseUrl
                    + "' is not an http(s) URL; set it like https://api.anthropic.com");
        }
        return parsed;
    }

    private static OptionalInt thinkingBudget(String effort) {
        return switch (effort.strip().toLowerCase(Locale.ROOT)) {
            case "", "none", "minimal" -> OptionalInt.empty();
            case "low" -> OptionalInt.of(4000);
            case "medium" -> OptionalInt.of(8000);
            case "high" -> OptionalInt.of(16000);
            case "xhigh" -> OptionalInt.of(32000);
            default -> throw new IllegalArgumentException("reasoning_effort '" + effort
                    + "' is unknown; use none, minimal, low, medium, high or xhigh");
        };
    }

    private static boolean bearerAuth(Map<String, String> options) {
        String style = options.getOrDefault(ModelRequest.AUTH_STYLE, "x-api-key").strip().toLowerCase(Locale.ROOT);
        return switch (style) {
            case "x-api-key" -> false;
            case "bearer" -> true;
            default -> throw new IllegalArgumentException("auth_style '" + style + "' is unknown; use x-api-key or bearer");
        };
    }

    private static boolean oneHourCache(Map<String, String> options) {
        String ttl = options.getOrDefault(ModelRequest.CACHE_TTL, "5m").strip();
        return switch (ttl) {
            case "5m" -> false;
            case "1h" -> true;
            default -> throw new IllegalArgumentException("cache_ttl '" + ttl + "' is unknown; use 5m or 1h");
        };
    }

    private static Double temperature(String value) {
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("temperature '" + value + "' is not a number; use a value like 0.7");
        }
    }

    private static int positiveInt(Map<String, String> options, String key, int defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new IllegalArgumentException(key + " '" + value + "' must be a whole number above zero");
    }
}
