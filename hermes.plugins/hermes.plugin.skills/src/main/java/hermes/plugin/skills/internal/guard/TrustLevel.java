package hermes.plugin.skills.internal.guard;

import java.util.Locale;

/** Where a skill comes from, which decides how much of the guard's verdict it may overrule. */
public enum TrustLevel {
    /** Shipped with Hermes (and the original's {@code official} optional skills). */
    BUILTIN,
    /** From one of the trusted upstream repositories. */
    TRUSTED,
    /** Anything else from outside: a URL, a directory, a hub. */
    COMMUNITY,
    /** Written by the agent with skill_manage. */
    AGENT_CREATED;

    /** {@code builtin}, {@code trusted}, {@code community}, {@code agent-created}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
