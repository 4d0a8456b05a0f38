package hermes.plugin.skills.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One kept version of one file of a skill.
 *
 * @param skill the skill's name
 * @param number 1, 2, … per skill, across all its files
 * @param file {@code SKILL.md} or a supporting file ({@code references/api.md})
 * @param action what made it: {@code baseline} (the content before the first recorded change), {@code outside-edit}
 *     (found changed on disk by something else), {@code create}, {@code patch}, {@code edit}, {@code delete},
 *     {@code write_file}, {@code remove_file}, {@code revert}, {@code install}
 * @param author {@code agent:<session id>}, {@code user (<platform>)}, or {@code unknown} for baselines
 * @param reason why, as the author said
 * @param at when
 * @param directory where the skill lived then
 * @param content the whole file as it was after this revision; empty when the revision removed it
 * @param diff the unified diff from the revision before (of the same file)
 * @param added lines added by the diff
 * @param removed lines removed by the diff
 */
record Revision(String skill, int number, String file, String action, String author, Optional<String> reason,
                Instant at, Path directory, Optional<String> content, String diff, int added, int removed) {

    Revision {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(diff, "diff");
    }

    /**
     * A change about to be made to one file of a skill.
     *
     * @param before the file's content on disk now; empty when it does not exist
     * @param after its content once the change is made; empty when the change removes it
     */
    record Change(String skill, String file, String action, String author, Optional<String> reason, Path directory,
                  Optional<String> before, Optional<String> after) {
        Change {
            Objects.requireNonNull(skill, "skill");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }
}
