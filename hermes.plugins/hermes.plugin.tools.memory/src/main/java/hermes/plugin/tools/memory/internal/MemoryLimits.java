package hermes.plugin.tools.memory.internal;

import java.util.Optional;

import hermes.api.MemoryStore.Target;

/**
 * How many characters (code points, entries joined with the delimiter) each store may hold.
 *
 * @param memory the limit of the agent's notes, {@code memory.memory_char_limit}
 * @param user the limit of the user profile, {@code memory.user_char_limit}
 */
record MemoryLimits(int memory, int user) {

    /** Configuration key of the notes' limit, as in the original's {@code config.yaml}. */
    static final String MEMORY_KEY = "memory.memory_char_limit";
    /** Configuration key of the user profile's limit. */
    static final String USER_KEY = "memory.user_char_limit";
    /** The original's defaults: about 800 and 500 tokens. */
    static final MemoryLimits DEFAULTS = new MemoryLimits(2200, 1375);

    MemoryLimits {
        if (memory <= 0 || user <= 0) {
            throw new IllegalArgumentException("memory char limits must be positive, got " + MEMORY_KEY + "=" + memory
                    + " and " + USER_KEY + "=" + user + "; set positive numbers in config.yaml");
        }
    }

    int of(Target target) {
        return target == Target.USER ? user : memory;
    }

    /** The limits from two optional settings (numbers or numeric text), each falling back to its default. */
    static MemoryLimits from(Optional<Object> memory, Optional<Object> user) {
        return new MemoryLimits(number(memory, MEMORY_KEY, DEFAULTS.memory), number(user, USER_KEY, DEFAULTS.user));
    }

    private static int number(Optional<Object> setting, String key, int fallback) {
        if (setting.isEmpty()) {
            return fallback;
        }
        Object value = setting.get();
        try {
            return value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(value.toString().strip());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of characters, got '" + value
                    + "'; fix it in config.yaml", e);
        }
    }
}
