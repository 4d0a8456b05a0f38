package hermes.plugin.skills.internal;

import static hermes.plugin.skills.internal.TestSkills.skillMd;
import static hermes.plugin.skills.internal.TestSkills.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSkillsTest {

    @TempDir
    Path bundle;

    @TempDir
    Path root;

    private SkillsHome home;
    private SkillArchive archive;

    @BeforeEach
    void setUp() throws Exception {
        home = new SkillsHome(root);
        archive = SkillArchive.of(bundle);
        write(bundle, "devops/deploy", skillMd("deploy", "Deploy.", "v1\n"));
        Files.writeString(bundle.resolve("devops/deploy/checklist.md"), "- green\n");
        write(bundle, "software-development/plan", skillMd("plan", "Plan.", "v1\n"));
        Files.writeString(bundle.resolve("devops/DESCRIPTION.md"), "---\ndescription: Ops.\n---\n");
    }

    private Path installed(String path) {
        return home.skills().resolve(path);
    }

    @Test
    void theFirstRunCopiesEverySkillAndRecordsItsHash() throws Exception {
        BundledSkills.Report report = BundledSkills.sync(archive, home);

        assertThat(report.copied()).containsExactly("deploy", "plan");
        assertThat(installed("devops/deploy/SKILL.md")).hasContent(skillMd("deploy", "Deploy.", "v1\n"));
        assertThat(installed("devops/deploy/checklist.md")).hasContent("- green\n");
        assertThat(installed("devops/DESCRIPTION.md")).exists();
        Map<String, String> manifest = BundledSkills.readManifest(home.bundledManifest());
        assertThat(manifest).containsOnlyKeys("deploy", "plan");
        assertThat(manifest.get("deploy")).matches("[0-9a-f]{32}")
                .isEqualTo(BundledSkills.hashDirectory(installed("devops/deploy")));
        assertThat(Files.readString(home.bundledManifest())).isEqualTo("deploy:" + manifest.get("deploy")
                + "\nplan:" + manifest.get("plan") + "\n");
    }

    @Test
    void aNewVersionReplacesAnUnmodifiedSkillButNeverOneTheUserEdited() throws Exception {
        BundledSkills.sync(archive, home);
        String edited = skillMd("plan", "Plan.", "my own steps\n");
        Files.writeString(installed("software-development/plan/SKILL.md"), edited);
        write(bundle, "devops/deploy", skillMd("deploy", "Deploy.", "v2\n"));
        write(bundle, "software-development/plan", skillMd("plan", "Plan.", "v2\n"));

        BundledSkills.Report report = BundledSkills.sync(archive, home);

        assertThat(report.updated()).containsExactly("deploy");
        assertThat(report.userModified()).containsExactly("plan");
        assertThat(installed("devops/deploy/SKILL.md")).hasContent(skillMd("deploy", "Deploy.", "v2\n"));
        assertThat(installed("software-development/plan/SKILL.md")).hasContent(edited);
        assertThat(BundledSkills.sync(archive, home).userModified()).containsExactly("plan");
        assertThat(installed("devops")).isDirectoryNotContaining(path -> path.getFileName().toString()
                .startsWith("."));
    }

    @Test
    void aSkillTheUserDeletedStaysDeletedAndAnUnchangedOneStaysPut() throws Exception {
        BundledSkills.sync(archive, home);
        AtomicFiles.deleteTree(installed("software-development/plan"));

        BundledSkills.Report report = BundledSkills.sync(archive, home);

        assertThat(report).isEqualTo(new BundledSkills.Report(List.of(), List.of(), List.of(), 2));
        assertThat(installed("software-development/plan")).doesNotExist();
    }

    @Test
    void aUsersOwnSkillOfTheSameNameIsLeftAlone() throws Exception {
        String mine = skillMd("deploy", "My deploy.", "mine\n");
        write(home.skills(), "devops/deploy", mine);

        BundledSkills.Report report = BundledSkills.sync(archive, home);

        assertThat(report.copied()).containsExactly("plan");
        assertThat(installed("devops/deploy/SKILL.md")).hasContent(mine);
    }

    @Test
    void theOptOutMarkerInstallsNothing() throws Exception {
        Files.createDirectories(root);
        Files.writeString(home.noBundledSkillsMarker(), "");

        assertThat(BundledSkills.sync(archive, home)).isEqualTo(BundledSkills.Report.OPTED_OUT);
        assertThat(home.skills()).doesNotExist();
    }

    @Test
    void theLibrarySyncsOnItsOwnThreadAndListsTheBundledSkills() throws Exception {
        SkillLibrary library = new SkillLibrary(home, Map.<String, String>of()::get, Optional.of(archive));

        assertThat(library.listing().skills()).extracting(Skill::name).containsExactly("deploy", "plan");
        assertThat(library.bundledSync(10)).hasValueSatisfying(report ->
                assertThat(report.copied()).hasSize(2));
    }
}
