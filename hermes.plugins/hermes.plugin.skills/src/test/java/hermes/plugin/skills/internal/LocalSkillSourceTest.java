package hermes.plugin.skills.internal;

import static hermes.plugin.skills.internal.TestSkills.skillMd;
import static hermes.plugin.skills.internal.TestSkills.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.SkillSource.Activation;
import hermes.api.SkillSource.SkillInfo;

class LocalSkillSourceTest {

    @TempDir
    Path home;

    @TempDir
    Path team;

    @Test
    void skillsAreFoundInNestedCategoriesWithTheirActivation() throws Exception {
        Path skills = home.resolve("skills");
        write(skills, "software-development/plan", skillMd("plan", "Plan before coding.", "Steps."));
        write(skills, "mlops/inference/vllm", """
                ---
                name: vllm
                description: Serve models.
                platforms: [linux]
                metadata:
                  hermes:
                    requires_tools: [terminal]
                    fallback_for_toolsets: [inference]
                ---
                Run it.
                """);
        write(skills, "notes", skillMd("notes", "Take notes.", "Write."));
        write(skills, ".hub/quarantine/evil", skillMd("evil", "Hidden.", "No."));

        LocalSkillSource source = new LocalSkillSource(TestSkills.library(home));

        assertThat(source.skills()).containsExactly(
                new SkillInfo("notes", "Take notes.", ""),
                new SkillInfo("vllm", "Serve models.", "mlops/inference", new Activation(List.of("linux"),
                        List.of(), List.of("inference"), List.of("terminal"), List.of())),
                new SkillInfo("plan", "Plan before coding.", "software-development"));
        assertThat(source.read("plan")).contains(skillMd("plan", "Plan before coding.", "Steps."));
        assertThat(source.read("missing")).isEmpty();
        assertThat(source.id()).isEqualTo("local");
    }

    @Test
    void localSkillsShadowExternalOnesAndExternalDirsExpandVariables() throws Exception {
        Path skills = home.resolve("skills");
        write(skills, "plan", skillMd("plan", "Local plan.", "Mine."));
        write(team.resolve("skills"), "devops/plan", skillMd("plan", "Team plan.", "Theirs."));
        write(team.resolve("skills"), "devops/deploy", skillMd("deploy", "Team deploy.", "Ship."));
        Files.writeString(home.resolve("config.yaml"), "skills:\n  external_dirs:\n    - ${TEAM_HOME}/skills\n");

        SkillLibrary library = TestSkills.library(home, Map.of("TEAM_HOME", team.toString()));
        List<Skill> listed = library.listing().skills();

        assertThat(listed).extracting(Skill::name, Skill::description, Skill::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("plan", "Local plan.", Skill.Origin.LOCAL),
                org.assertj.core.groups.Tuple.tuple("deploy", "Team deploy.", Skill.Origin.EXTERNAL));
    }

    @Test
    void tildeAndUnsetVariablesExpandLikeTheOriginal() {
        SkillsConfig config = new SkillsConfig(home.resolve("config.yaml"), Map.of("X", "/opt/x")::get,
                Path.of("/home/me"));

        assertThat(config.expand("~/skills")).isEqualTo(Path.of("/home/me/skills"));
        assertThat(config.expand("${X}/skills")).isEqualTo(Path.of("/opt/x/skills"));
        assertThat(config.expand("${UNSET}/s")).isEqualTo(home.resolve("${UNSET}/s"));
        assertThat(config.guardAgentCreated()).isTrue();
    }

    @Test
    void categoryDescriptionsAndBrokenSkillsAreReported() throws Exception {
        Path skills = home.resolve("skills");
        Files.createDirectories(skills.resolve("mlops"));
        Files.writeString(skills.resolve("mlops/DESCRIPTION.md"), "---\ndescription: Training and serving.\n---\n");
        write(skills, "mlops/train", skillMd("train", "Train.", "Go."));
        write(skills, "mlops/broken", "---\nname: [oops\n---\nbody\n");

        SkillCatalog.Listing listing = TestSkills.library(home).listing();

        assertThat(listing.categories()).isEqualTo(Map.of("mlops", "Training and serving."));
        assertThat(listing.skills()).extracting(Skill::name).containsExactly("train");
        assertThat(listing.problems()).singleElement().asString().contains("broken/SKILL.md", "not valid YAML");
    }

    @Test
    void theListingIsCachedUntilAFileChanges() throws Exception {
        Path skill = write(home.resolve("skills"), "plan", skillMd("plan", "First.", "Body."));
        SkillLibrary library = TestSkills.library(home);
        SkillCatalog.Listing first = library.listing();

        assertThat(library.listing()).isSameAs(first);

        Files.writeString(skill.resolve("SKILL.md"), skillMd("plan", "Second, longer description.", "Body."));
        assertThat(library.listing().skills()).extracting(Skill::description)
                .containsExactly("Second, longer description.");

        write(home.resolve("skills"), "extra", skillMd("extra", "New.", "Body."));
        assertThat(library.listing().skills()).extracting(Skill::name).containsExactly("extra", "plan");
    }
}
