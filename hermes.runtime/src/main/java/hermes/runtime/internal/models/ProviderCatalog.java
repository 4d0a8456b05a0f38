package hermes.runtime.internal.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The providers Hermes knows by name, their aliases, and the order auto-detection tries their keys in (the original's
 * {@code PROVIDER_REGISTRY}, reference §9). Plugins add wire formats as {@code ModelProvider} services; names come from
 * here, from {@code providers:} and from {@code custom_providers:} in {@code config.yaml}.
 */
public final class ProviderCatalog {

    private static final Map<String, ProviderProfile> PROFILES = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("glm", "zai"), Map.entry("z-ai", "zai"), Map.entry("zhipu", "zai"),
            Map.entry("google", "gemini"), Map.entry("grok", "xai"), Map.entry("claude", "anthropic"),
            Map.entry("kimi", "kimi-coding"), Map.entry("moonshot", "kimi-coding"), Map.entry("hf", "huggingface"),
            Map.entry("openai-api", "openai"), Map.entry("ollama", "custom"), Map.entry("vllm", "custom"),
            Map.entry("llamacpp", "custom"), Map.entry("llama.cpp", "custom"), Map.entry("lmstudio", "custom"),
            Map.entry("local", "custom"));

    static {
        // Order matters: auto-detection takes the first provider whose key is set (after OpenRouter, see detect()).
        add("openrouter", ProviderProfile.CHAT_COMPLETIONS, "https://openrouter.ai/api/v1",
                List.of("OPENROUTER_API_KEY"), "anthropic/claude-sonnet-4");
        add("nous", ProviderProfile.CHAT_COMPLETIONS, "https://inference-api.nousresearch.com/v1",
                List.of("NOUS_API_KEY"), "Hermes-4-405B");
        add("anthropic", ProviderProfile.ANTHROPIC_MESSAGES, "https://api.anthropic.com",
                List.of("ANTHROPIC_API_KEY", "ANTHROPIC_TOKEN"), "claude-sonnet-4-5");
        add("openai", ProviderProfile.CHAT_COMPLETIONS, "https://api.openai.com/v1", List.of("OPENAI_API_KEY"),
                "gpt-4.1");
        add("zai", ProviderProfile.CHAT_COMPLETIONS, "https://api.z.ai/api/paas/v4",
                List.of("GLM_API_KEY", "ZAI_API_KEY", "Z_AI_API_KEY"), "glm-4.6");
        add("kimi-coding", ProviderProfile.CHAT_COMPLETIONS, "https://api.moonshot.ai/v1",
                List.of("KIMI_API_KEY", "MOONSHOT_API_KEY"), "kimi-k2-0905-preview");
        add("minimax", ProviderProfile.CHAT_COMPLETIONS, "https://api.minimax.io/v1", List.of("MINIMAX_API_KEY"),
                "MiniMax-M2");
        add("deepseek", ProviderProfile.CHAT_COMPLETIONS, "https://api.deepseek.com/v1", List.of("DEEPSEEK_API_KEY"),
                "deepseek-chat");
        add("xai", ProviderProfile.CHAT_COMPLETIONS, "https://api.x.ai/v1", List.of("XAI_API_KEY"), "grok-4");
        add("gemini", ProviderProfile.CHAT_COMPLETIONS, "https://generativelanguage.googleapis.com/v1beta/openai",
                List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"), "gemini-2.5-pro");
        add("huggingface", ProviderProfile.CHAT_COMPLETIONS, "https://router.huggingface.co/v1",
                List.of("HF_TOKEN"), "");
        // any OpenAI-compatible endpoint: model.base_url in config.yaml (Ollama, vLLM, llama.cpp, LM Studio, …)
        add("custom", ProviderProfile.CHAT_COMPLETIONS, "", List.of("OPENAI_API_KEY"), "");
    }

    private ProviderCatalog() {
    }

    private static void add(String name, String wire, String baseUrl, List<String> keys, String defaultModel) {
        PROFILES.put(name, new ProviderProfile(name, wire, baseUrl, keys, defaultModel));
    }

    /** The canonical name of {@code name} (aliases resolved, lower case). */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    /** The built-in profile of a provider name or alias. */
    public static Optional<ProviderProfile> find(String name) {
        return Optional.ofNullable(PROFILES.get(canonical(name)));
    }

    /** Every built-in provider name, in detection order. */
    public static List<String> names() {
        return List.copyOf(PROFILES.keySet());
    }

    /**
     * The provider whose key is set, in the original's order: OpenRouter first, then the first direct-key provider.
     * {@code custom} is never detected (it needs a base URL), so an {@code OPENAI_API_KEY} alone selects OpenAI.
     */
    public static Optional<ProviderProfile> detect(Predicate<String> isSet) {
        return PROFILES.values().stream()
                .filter(p -> !p.name().equals("custom"))
                .filter(p -> p.keyVariables().stream().anyMatch(isSet))
                .findFirst();
    }
}
