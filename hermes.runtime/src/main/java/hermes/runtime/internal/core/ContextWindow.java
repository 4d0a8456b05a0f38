package hermes.runtime.internal.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A model's context length in tokens: {@code model.context_length} when set (local servers, new models), else what the
 * model family is known to offer, else a conservative 128K. Only used to decide when to compact.
 */
final class ContextWindow {

    static final long DEFAULT = 128_000;
    /** Checked in order: the first family whose marker the model name contains. */
    private static final Map<String, Long> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("claude", 200_000L);
        FAMILIES.put("gpt-4.1", 1_047_576L);
        FAMILIES.put("gpt-5", 400_000L);
        FAMILIES.put("gpt-4o", 128_000L);
        FAMILIES.put("o3", 200_000L);
        FAMILIES.put("o4", 200_000L);
        FAMILIES.put("gemini", 1_048_576L);
        FAMILIES.put("deepseek", 128_000L);
        FAMILIES.put("qwen", 131_072L);
        FAMILIES.put("llama", 131_072L);
    }

    private ContextWindow() {
    }

    static long of(String model, SessionSettings settings) {
        long configured = settings.integer("model.context_length", 0);
        if (configured > 0) {
            return configured;
        }
        String lower = model.toLowerCase(Locale.ROOT);
        return FAMILIES.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(DEFAULT);
    }
}
