package hermes.plugin.skills.internal.guard;

import java.util.Objects;

/**
 * One thing the guard found.
 *
 * @param patternId the pattern or structural check that fired ({@code rm_rf_root}, {@code symlink_escape}, …)
 * @param severity how bad it is
 * @param category what kind of threat it is
 * @param file the file inside the skill, relative ({@code SKILL.md}, {@code scripts/run.sh}); {@code (directory)} for
 *     checks of the whole skill
 * @param line the 1-based line, 0 when the finding is about the file or directory as a whole
 * @param match the offending text (trimmed to 120 chars) or a short statement of the fact
 * @param description what it means
 */
public record Finding(String patternId, Severity severity, Category category, String file, int line, String match,
                      String description) {

    private static final int MAX_MATCH_CHARS = 120;

    public Finding {
        Objects.requireNonNull(patternId, "patternId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(description, "description");
        match = match.strip();
        if (match.length() > MAX_MATCH_CHARS) {
            match = match.substring(0, MAX_MATCH_CHARS - 3) + "...";
        }
    }

    /** {@code file:line}, or the file alone for whole-file findings. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
