package hermes.plugin.tools.delegation.internal;

import hermes.api.ToolContext;

/**
 * The session's delegation limits, read from its configuration on every call so a change applies at once.
 *
 * @param maxConcurrentChildren how many subagents one call may start; a larger batch is refused, not truncated
 * @param maxSpawnDepth the deepest a subagent may sit (1: only the top-level agent delegates)
 * @param maxIterations the turn budget of each subagent
 */
record DelegationLimits(int maxConcurrentChildren, int maxSpawnDepth, int maxIterations) {

    static final String MAX_CONCURRENT_CHILDREN = "delegation.max_concurrent_children";
    static final String MAX_SPAWN_DEPTH = "delegation.max_spawn_depth";
    static final String MAX_ITERATIONS = "delegation.max_iterations";

    static final DelegationLimits DEFAULTS = new DelegationLimits(3, 1, 50);

    /**
     * The limits of the calling session; each is at least 1.
     *
     * @throws IllegalArgumentException when a value is not a whole number; the message names the key
     */
    static DelegationLimits of(ToolContext context) {
        return new DelegationLimits(
                setting(context, MAX_CONCURRENT_CHILDREN, DEFAULTS.maxConcurrentChildren),
                setting(context, MAX_SPAWN_DEPTH, DEFAULTS.maxSpawnDepth),
                setting(context, MAX_ITERATIONS, DEFAULTS.maxIterations));
    }

    private static int setting(ToolContext context, String key, int fallback) {
        int value = context.config(key).map(raw -> switch (raw) {
            case Number number -> number.intValue();
            case String text when text.strip().matches("-?\\d+") -> Integer.parseInt(text.strip());
            default -> throw new IllegalArgumentException(key + " must be a whole number, but config.yaml says '"
                    + raw + "'; fix it there");
        }).orElse(fallback);
        return Math.max(1, value);
    }
}
