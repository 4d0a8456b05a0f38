package hermes.api;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where skills come from ({@code $HERMES_HOME/skills}, {@code skills.external_dirs}, a plugin's own skills). A skill is
 * a {@code SKILL.md} with YAML front matter (agentskills.io) and optional linked files.
 *
 * <p>Threading: any thread; reads only.
 */
@ConsumerType
public interface SkillSource {

    /** A stable id for messages. */
    String id();

    /** The skills this source offers now. */
    List<SkillInfo> skills() throws IOException;

    /** A skill's {@code SKILL.md} text, or empty when this source has no such skill. */
    Optional<String> read(String name) throws IOException;

    /**
     * A skill's index entry.
     *
     * @param name the skill name (also its slash command)
     * @param description one line for the skills index
     * @param category the folder it is grouped under
     */
    record SkillInfo(String name, String description, String category) {
        public SkillInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(category, "category");
        }
    }
}
