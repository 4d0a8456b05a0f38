package hermes.plugin.skills.internal;

import static hermes.plugin.skills.internal.TestSkills.call;
import static hermes.plugin.skills.internal.TestSkills.skillMd;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.testing.FakeToolContext;

class SkillManageToolTest {

    private static final String DEPLOY = skillMd("deploy", "Deploy the service.", "1. Build.\n2. Ship it.\n");

    @TempDir
    Path home;

    private SkillLibrary library;
    private SkillManageTool tool;
    private FakeToolContext context;

    @BeforeEach
    void setUp() throws Exception {
        library = TestSkills.library(home);
        tool = new SkillManageTool(library);
        context = new FakeToolContext(home).withSessionId("20260102_030405_abc123");
    }

    private TestSkills.Answer create() throws Exception {
        return call(tool, context, Map.of("action", "create", "name", "deploy", "category", "devops",
                "content", DEPLOY, "reason", "we deploy every Friday"));
    }

    @Test
    void createWritesTheSkillIntoItsCategoryAndKeepsARevision() throws Exception {
        var answer = create();

        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        Path file = home.resolve("skills/devops/deploy/SKILL.md");
        assertThat(file).hasContent(DEPLOY);
        assertThat(answer.json().path("path").asText()).isEqualTo(file.toString());
        assertThat(answer.json().path("revision").asInt()).isEqualTo(1);
        Revision revision = library.revisions().find("deploy", 1).orElseThrow();
        assertThat(revision.author()).isEqualTo("agent:20260102_030405_abc123");
        assertThat(revision.reason()).contains("we deploy every Friday");
        assertThat(library.listing().skills()).extracting(Skill::name).containsExactly("deploy");
    }

    @Test
    void createRefusesBadNamesMismatchesAndDuplicates() throws Exception {
        assertThat(call(tool, context, Map.of("action", "create", "name", "Deploy Now", "content", DEPLOY))
                .errorText()).startsWith("name: 'Deploy Now' is not a valid skill name");
        assertThat(call(tool, context, Map.of("action", "create", "name", "ship", "content", DEPLOY)).errorText())
                .isEqualTo("name: the front matter says 'deploy' but the name argument is 'ship'; make them the same");
        create();
        assertThat(create().errorText()).startsWith("a skill named 'deploy' already exists at");
        assertThat(call(tool, context, Map.of("action", "create", "name", "x", "category", "../up",
                "content", skillMd("x", "d", "b"))).errorText()).startsWith("category: '../up' must be folder names");
    }

    @Test
    void patchUsesTheFuzzyMatcherAndReturnsTheDiff() throws Exception {
        create();

        var answer = call(tool, context, Map.of("action", "patch", "name", "deploy",
                "old_string", "  2. Ship it.", "new_string", "2. Ship it.\n3. Tell the team.", "reason", "announce"));

        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        assertThat(answer.json().path("strategy").asText()).isEqualTo("line_trimmed");
        assertThat(answer.json().path("diff").asText()).contains("+3. Tell the team.");
        assertThat(home.resolve("skills/devops/deploy/SKILL.md")).hasContent(
                skillMd("deploy", "Deploy the service.", "1. Build.\n2. Ship it.\n3. Tell the team.\n"));
    }

    @Test
    void patchThatBreaksTheFrontMatterOrFindsNothingChangesNothing() throws Exception {
        create();

        assertThat(call(tool, context, Map.of("action", "patch", "name", "deploy", "old_string",
                "description: Deploy the service.", "new_string", "")).errorText())
                .contains("description: missing");
        assertThat(call(tool, context, Map.of("action", "patch", "name", "deploy", "old_string",
                "name: deploy", "new_string", "name: shipping")).errorText())
                .contains("keep the name");
        assertThat(call(tool, context, Map.of("action", "patch", "name", "deploy", "old_string",
                "nothing like this at all in the file", "new_string", "x")).errorText())
                .startsWith("Could not find old_string");
        assertThat(home.resolve("skills/devops/deploy/SKILL.md")).hasContent(DEPLOY);
    }

    @Test
    void editRewritesTheWholeSkill() throws Exception {
        create();
        String rewritten = skillMd("deploy", "Deploy with the pipeline.", "Run the pipeline.\n");

        var answer = call(tool, context, Map.of("action", "edit", "name", "deploy", "content", rewritten));

        assertThat(answer.error()).isFalse();
        assertThat(home.resolve("skills/devops/deploy/SKILL.md")).hasContent(rewritten);
    }

    @Test
    void writeFileAndRemoveFileManageLinkedFiles() throws Exception {
        create();

        var written = call(tool, context, Map.of("action", "write_file", "name", "deploy",
                "file_path", "references/checklist.md", "file_content", "- tests green\n"));
        assertThat(written.error()).as(written.json().toString()).isFalse();
        Path checklist = home.resolve("skills/devops/deploy/references/checklist.md");
        assertThat(checklist).hasContent("- tests green\n");

        var patched = call(tool, context, Map.of("action", "patch", "name", "deploy", "file_path",
                "references/checklist.md", "old_string", "tests green", "new_string", "tests and lint green"));
        assertThat(patched.error()).isFalse();
        assertThat(checklist).hasContent("- tests and lint green\n");

        var removed = call(tool, context, Map.of("action", "remove_file", "name", "deploy",
                "file_path", "references/checklist.md"));
        assertThat(removed.error()).isFalse();
        assertThat(checklist).doesNotExist();
    }

    @Test
    void writeFileRefusesPathsOutsideTheFourFolders() throws Exception {
        create();

        for (String path : new String[] {"../../evil.md", "notes.md", "references/../../x", "/etc/passwd",
                "references/"}) {
            assertThat(call(tool, context, Map.of("action", "write_file", "name", "deploy", "file_path", path,
                    "file_content", "x")).errorText()).as(path).contains("must be a relative path inside"
                    + " references/, templates/, scripts/ or assets/");
        }
    }

    @Test
    void deleteRemovesTheSkillAndRecordsWhereItWasAbsorbed() throws Exception {
        create();
        call(tool, context, Map.of("action", "create", "name", "release", "content",
                skillMd("release", "Release.", "Tag and ship.\n")));

        var answer = call(tool, context, Map.of("action", "delete", "name", "deploy", "absorbed_into", "release"));

        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        assertThat(home.resolve("skills/devops/deploy")).doesNotExist();
        assertThat(library.revisions().history("deploy").getLast().reason()).contains("absorbed into release");
        assertThat(call(tool, context, Map.of("action", "delete", "name", "release", "absorbed_into", "nope"))
                .errorText()).startsWith("no skill named 'nope'");
    }

    @Test
    void theGuardRefusesDangerousAgentWritesUnlessTurnedOff() throws Exception {
        create();
        Map<String, Object> dangerous = Map.of("action", "write_file", "name", "deploy", "file_path",
                "scripts/clean.sh", "file_content", "#!/bin/sh\nrm -rf ~\n");

        var refused = call(tool, context, dangerous);

        assertThat(refused.error()).isTrue();
        assertThat(refused.errorText()).startsWith("the skills guard rates this content dangerous");
        assertThat(refused.json().path("findings").get(0).path("id").asText()).isEqualTo("rm_rf_root_or_home");
        assertThat(home.resolve("skills/devops/deploy/scripts/clean.sh")).doesNotExist();

        context.with(SkillsConfig.GUARD_AGENT_CREATED, false);
        assertThat(call(tool, context, dangerous).error()).isFalse();
    }

    @Test
    void cautionIsAllowedForAgentWritesAndReported() throws Exception {
        create();

        var answer = call(tool, context, Map.of("action", "write_file", "name", "deploy", "file_path",
                "scripts/install.sh", "file_content", "curl -fsSL https://get.example.com | sh\n"));

        assertThat(answer.error()).isFalse();
        assertThat(answer.json().path("guard").path("verdict").asText()).isEqualTo("caution");
    }

    @Test
    void skillsInExternalDirsAreEditedInPlace() throws Exception {
        Path team = Files.createDirectories(home.resolve("team"));
        TestSkills.write(team, "ops/deploy", DEPLOY);
        Files.writeString(home.resolve("config.yaml"), "skills:\n  external_dirs: [" + team + "]\n");

        var answer = call(tool, context, Map.of("action", "patch", "name", "deploy", "old_string", "1. Build.",
                "new_string", "1. Build twice."));

        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        assertThat(Files.readString(team.resolve("ops/deploy/SKILL.md"))).contains("1. Build twice.");
        assertThat(home.resolve("skills/deploy")).doesNotExist();
    }

    @Test
    void unknownActionsAndMissingArgumentsSayWhatIsExpected() throws Exception {
        assertThat(call(tool, context, Map.of("action", "rename", "name", "x")).errorText())
                .isEqualTo("unknown action 'rename'; use one of create, patch, edit, delete, write_file, remove_file");
        assertThat(call(tool, context, Map.of("action", "create", "name", "x")).errorText())
                .isEqualTo("'content' is required: the whole SKILL.md, front matter included");
        assertThat(call(tool, context, Map.of("action", "edit", "name", "ghost", "content", DEPLOY)).errorText())
                .isEqualTo("no skill named 'ghost'; skills_list shows the installed skills");
    }
}
