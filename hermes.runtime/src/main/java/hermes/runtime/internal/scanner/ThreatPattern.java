package hermes.runtime.internal.scanner;

import java.util.regex.Pattern;

/**
 * One threat rule.
 *
 * @param id       the original's pattern id, reported in findings and in the {@code [BLOCKED: …]} line
 * @param category the attack class
 * @param scope    the smallest scope that applies it; every larger scope does too
 * @param regex    compiled case-insensitive, Unicode-aware (Python's {@code re} semantics for {@code \w}, {@code \s})
 */
record ThreatPattern(String id, ThreatCategory category, Scope scope, Pattern regex) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    static ThreatPattern of(String id, ThreatCategory category, Scope scope, String regex) {
        return new ThreatPattern(id, category, scope, Pattern.compile(regex, FLAGS));
    }
}
