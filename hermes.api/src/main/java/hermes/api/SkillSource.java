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
     * @param category the folder it is grouped under ({@code software-development}, {@code mlops/inference}; empty
     *                 for a skill at the top level)
     * @param activation when the skill belongs in a session's index
     */
    record SkillInfo(String name, String description, String category, Activation activation) {
        public SkillInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(activation, "activation");
        }

        /** A skill shown everywhere. */
        public SkillInfo(String name, String description, String category) {
            this(name, description, category, Activation.ALWAYS);
        }
    }

    /**
     * The front matter's conditions (reference: {@code platforms}, {@code metadata.hermes.fallback_for_*} and
     * {@code requires_*}). The runtime applies them against the session's tools when it builds the index.
     *
     * @param platforms {@code macos}, {@code linux}, {@code windows}; empty for all
     * @param fallbackForTools hidden while any of these tools is available
     * @param fallbackForToolsets hidden while any of these toolsets is available
     * @param requiresTools hidden while any of these tools is missing
     * @param requiresToolsets hidden while any of these toolsets is missing
     */
    record Activation(List<String> platforms, List<String> fallbackForTools, List<String> fallbackForToolsets,
                      List<String> requiresTools, List<String> requiresToolsets) {
        public static final Activation ALWAYS = new Activation(List.of(), List.of(), List.of(), List.of(), List.of());

        public Activation {
            platforms = List.copyOf(platforms);
            fallbackForTools = List.copyOf(fallbackForTools);
            fallbackForToolsets = List.copyOf(fallbackForToolsets);
            requiresTools = List.copyOf(requiresTools);
            requiresToolsets = List.copyOf(requiresToolsets);
        }
    }
}
