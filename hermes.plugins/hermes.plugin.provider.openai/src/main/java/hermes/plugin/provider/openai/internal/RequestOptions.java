package hermes.plugin.provider.openai.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import hermes.api.ModelException;
import hermes.api.ModelRequest;
import okhttp3.HttpUrl;

/**
 * The {@link ModelRequest#options()} this wire format understands, parsed and checked once per call.
 *
 * @param baseUrl the endpoint without a trailing slash
 * @param endpoint {@code {baseUrl}/chat/completions}
 * @param apiKey the key, when one is set
 * @param providerName who we talk to, for error messages (the {@code provider} option, else the endpoint's host)
 * @param stream whether to ask for server-sent events
 * @param maxTokens the output token limit, when set
 * @param temperature the sampling temperature, when set
 * @param reasoningEffort the reasoning effort, when set
 * @param readTimeout how long the connection may stay silent
 */
record RequestOptions(String baseUrl, HttpUrl endpoint, Optional<String> apiKey, String providerName, boolean stream,
                      OptionalLong maxTokens, OptionalDouble temperature, Optional<String> reasoningEffort,
                      Duration readTimeout) {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    static final String OPENROUTER = "openrouter";

    /**
     * Parsed endpoints by base URL: a session uses one or two, and parsing one on every call cost a gateway as much as
     * writing the request's messages. Bounded: a full map starts over.
     */
    private static final Map<String, Optional<HttpUrl>> ENDPOINTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_ENDPOINTS = 256;

    /**
     * Reads the options of a request.
     *
     * @throws ModelException of kind {@link ModelException.Kind#BAD_REQUEST} when an option has an unusable value
     */
    static RequestOptions of(Map<String, String> options) throws ModelException {
        String baseUrl = stripTrailingSlashes(text(options, ModelRequest.BASE_URL).orElse(DEFAULT_BASE_URL));
        HttpUrl endpoint = endpointOf(baseUrl).orElse(null);
        if (endpoint == null) {
            throw badOption(ModelRequest.BASE_URL, baseUrl, "an http:// or https:// URL such as " + DEFAULT_BASE_URL);
        }
        String providerName = text(options, ModelRequest.PROVIDER).orElse(endpoint.host());
        Optional<String> stream = text(options, ModelRequest.STREAM);
        if (stream.isPresent() && !stream.get().equals("true") && !stream.get().equals("false")) {
            throw badOption(ModelRequest.STREAM, stream.get(), "true or false");
        }
        OptionalLong readTimeoutSeconds = wholeNumber(options, ModelRequest.READ_TIMEOUT_SECONDS);
        Duration readTimeout = readTimeoutSeconds.isPresent()
                ? Duration.ofSeconds(readTimeoutSeconds.getAsLong()) : DEFAULT_READ_TIMEOUT;
        return new RequestOptions(baseUrl, endpoint, text(options, ModelRequest.API_KEY), providerName,
                !stream.equals(Optional.of("false")), wholeNumber(options, ModelRequest.MAX_TOKENS),
                decimal(options, ModelRequest.TEMPERATURE), text(options, ModelRequest.REASONING_EFFORT), readTimeout);
    }

    private static Optional<HttpUrl> endpointOf(String baseUrl) {
        Optional<HttpUrl> parsed = ENDPOINTS.get(baseUrl);
        if (parsed == null) {
            if (ENDPOINTS.size() >= MAX_ENDPOINTS) {
                ENDPOINTS.clear();
            }
            parsed = Optional.ofNullable(HttpUrl.parse(baseUrl + "/chat/completions"));
            ENDPOINTS.put(baseUrl, parsed);
        }
        return parsed;
    }

    boolean isOpenRouter() {
        return providerName.equals(OPENROUTER);
    }

    /** OpenAI's own endpoint refuses {@code max_tokens} for its reasoning models and wants the newer name. */
    boolean isOpenAiPlatform() {
        return endpoint.host().equals("api.openai.com");
    }

    private static Optional<String> text(Map<String, String> options, String key) {
        return Optional.ofNullable(options.get(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static OptionalLong wholeNumber(Map<String, String> options, String key) throws ModelException {
        Optional<String> value = text(options, key);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.get());
            if (number > 0) {
                return OptionalLong.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below, together with the out-of-range case
        }
        throw badOption(key, value.get(), "a whole number above 0");
    }

    private static OptionalDouble decimal(Map<String, String> options, String key) throws ModelException {
        Optional<String> value = text(options, key);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(value.get()));
        } catch (NumberFormatException e) {
            throw badOption(key, value.get(), "a number such as 0.7");
        }
    }

    private static String stripTrailingSlashes(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private static ModelException badOption(String key, String value, String expected) {
        return new ModelException(ModelException.Kind.BAD_REQUEST,
                "the model option " + key + " is '" + value + "'; it must be " + expected);
    }
}
