package hermes.runtime.internal.scanner;

import java.util.Locale;

/**
 * Which threat patterns a scan applies. The scopes nest, {@code ALL ⊂ CONTEXT ⊂ STRICT}: tool results get the patterns
 * that are safe everywhere, context files and memory snapshots add promptware and role hijack (warn-level, the content
 * is not user-authored), and user-mediated writes (memory, skill installs) add the aggressive checks, because there a
 * block is something the user can resolve.
 */
public enum Scope {
    ALL, CONTEXT, STRICT;

    /** Whether a scan at this scope applies a pattern declared for {@code patternScope}. */
    public boolean includes(Scope patternScope) {
        return patternScope.ordinal() <= ordinal();
    }

    /** The lower-case name the original's configuration and JSON use. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code all}, {@code context} or {@code strict}; anything else is an error that lists the three. */
    public static Scope parse(String name) {
        for (Scope scope : values()) {
            if (scope.jsonName().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + name + "': use all, context or strict");
    }
}
