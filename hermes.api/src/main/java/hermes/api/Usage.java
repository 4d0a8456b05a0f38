package hermes.api;

/**
 * Token counts of one or more model calls.
 *
 * @param inputTokens prompt tokens, including cached ones
 * @param outputTokens completion tokens, including reasoning
 * @param cacheReadTokens prompt tokens served from the provider's prefix cache
 * @param cacheWriteTokens prompt tokens written to the cache
 * @param reasoningTokens the part of the output spent on reasoning
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                    long reasoningTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheReadTokens + other.cacheReadTokens, cacheWriteTokens + other.cacheWriteTokens,
                reasoningTokens + other.reasoningTokens);
    }
}
