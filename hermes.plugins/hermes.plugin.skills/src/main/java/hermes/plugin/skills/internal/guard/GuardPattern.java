package hermes.plugin.skills.internal.guard;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line-level threat pattern of the skills guard.
 *
 * @param id a stable snake_case id shown in findings
 * @param severity how bad a match is
 * @param category what kind of threat it is
 * @param regex matched against each line, case-insensitively
 * @param description what a match means, for the report
 */
public record GuardPattern(String id, Severity severity, Category category, Pattern regex, String description) {

    public GuardPattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(description, "description");
    }

    static GuardPattern of(String id, Severity severity, Category category, String regex, String description) {
        return new GuardPattern(id, severity, category, Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
                description);
    }

    /** Whether the pattern occurs anywhere in {@code line}. */
    public boolean matches(String line) {
        return regex.matcher(line).find();
    }
}
