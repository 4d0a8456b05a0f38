package hermes.runtime.internal.models;

import java.util.List;

/**
 * A user-facing provider name and how to reach it: the wire format, the default endpoint and the environment variables
 * that hold its key, in the order they are tried.
 *
 * @param name the provider name in {@code provider:model}
 * @param wire the {@code hermes.id} of the {@code ModelProvider} that speaks its wire format (the original's api_mode)
 * @param baseUrl the default endpoint; empty when the user must configure one ({@code custom})
 * @param keyVariables where the key may be; empty for endpoints that need none (local servers)
 * @param defaultModel the model used when only the provider is named; empty when there is no sensible default
 */
public record ProviderProfile(String name, String wire, String baseUrl, List<String> keyVariables, String defaultModel) {

    public static final String CHAT_COMPLETIONS = "chat_completions";
    public static final String ANTHROPIC_MESSAGES = "anthropic_messages";

    public ProviderProfile {
        keyVariables = List.copyOf(keyVariables);
    }
}
