package hermes.plugin.skills.internal;

import java.nio.file.Path;
import java.util.Objects;

import hermes.api.SkillSource.SkillInfo;

/**
 * One installed skill as the catalog found it.
 *
 * @param name its name (front matter {@code name}, else the directory name)
 * @param description one line
 * @param category the folders between the skills root and the skill ({@code mlops/inference}); empty at the top
 * @param directory the skill's directory, holding SKILL.md
 * @param origin which root it was found under
 * @param manifest its front matter
 */
record Skill(String name, String description, String category, Path directory, Origin origin,
             SkillManifest manifest) {

    /** Which root a skill lives under. */
    enum Origin {
        /** {@code $HERMES_HOME/skills}. */
        LOCAL,
        /** A directory of {@code skills.external_dirs}. */
        EXTERNAL
    }

    Skill {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(manifest, "manifest");
    }

    Path file() {
        return directory.resolve("SKILL.md");
    }

    SkillInfo info() {
        return new SkillInfo(name, description, category, manifest.activation());
    }
}
