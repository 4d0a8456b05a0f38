package hermes.runtime.internal.models;

import java.util.Optional;

/**
 * Where one model call goes: a resolved provider, model and endpoint.
 *
 * @param provider the user-facing provider name ({@code openrouter}, {@code custom}, {@code local}, …)
 * @param wire the {@code hermes.id} of the {@code ModelProvider} service that speaks to it
 * @param model the model name as the endpoint knows it
 * @param baseUrl the endpoint, or empty for the wire format's own default
 * @param apiKey the key, when the endpoint needs one
 * @param authStyle {@code bearer} or {@code x-api-key} (Anthropic wire only), or empty for the default
 * @param readTimeoutSeconds how long to wait for data: 120 s, or 1800 s for a server on this machine
 */
public record ModelRoute(String provider, String wire, String model, String baseUrl, Optional<String> apiKey,
                         Optional<String> authStyle, int readTimeoutSeconds) {

    /** {@code provider:model}, as the user writes it. */
    public String label() {
        return provider + ":" + model;
    }
}
