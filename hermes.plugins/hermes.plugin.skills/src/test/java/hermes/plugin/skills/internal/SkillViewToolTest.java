package hermes.plugin.skills.internal;

import static hermes.plugin.skills.internal.TestSkills.call;
import static hermes.plugin.skills.internal.TestSkills.skillMd;
import static hermes.plugin.skills.internal.TestSkills.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.testing.FakeToolContext;

class SkillViewToolTest {

    private static final String GITHUB = """
            ---
            name: github-pr
            description: Open pull requests.
            required_environment_variables:
              - name: GITHUB_TOKEN
                prompt: A GitHub token with repo scope
              - name: GH_HOST
            required_credential_files:
              - path: gh/hosts.yml
            ---
            Use gh pr create.
            """;

    @TempDir
    Path home;

    private SkillLibrary library;
    private FakeToolContext context;
    private Path skill;

    @BeforeEach
    void setUp() throws Exception {
        skill = write(home.resolve("skills"), "github/github-pr", GITHUB);
        Files.createDirectories(skill.resolve("references"));
        Files.writeString(skill.resolve("references/api.md"), "# API\n");
        Files.createDirectories(skill.resolve("templates"));
        Files.writeString(skill.resolve("templates/pr.md"), "## Summary\n");
        library = TestSkills.library(home, Map.of("GH_HOST", "github.com"));
        context = new FakeToolContext(home);
    }

    @Test
    void viewReturnsTheSkillWithLinkedFilesAndAUsageHint() throws Exception {
        Files.writeString(home.resolve(".env"), "GITHUB_TOKEN=ghp_x\n");
        Files.createDirectories(home.resolve("gh"));
        Files.writeString(home.resolve("gh/hosts.yml"), "github.com: {}\n");

        var answer = call(new SkillViewTool(library), context, Map.of("name", "github-pr"));

        assertThat(answer.error()).as(answer.json().toString()).isFalse();
        assertThat(answer.json().path("content").asText()).isEqualTo(GITHUB);
        assertThat(answer.json().path("linked_files").toString())
                .isEqualTo("{\"references\":[\"references/api.md\"],\"templates\":[\"templates/pr.md\"]}");
        assertThat(answer.json().path("usage_hint").asText())
                .contains("skill_view(name=\"github-pr\", file_path=\"references/api.md\")");
        assertThat(answer.json().has("setup_needed")).isFalse();
        assertThat(library.revisions().views("github-pr")).isEqualTo(1);
    }

    @Test
    void missingVariablesAndCredentialFilesPutTheSkillInSetupNeeded() throws Exception {
        var answer = call(new SkillViewTool(library), context, Map.of("name", "github-pr"));

        assertThat(answer.json().path("setup_needed").asBoolean()).isTrue();
        assertThat(answer.json().path("missing_environment_variables").toString())
                .isEqualTo("[{\"name\":\"GITHUB_TOKEN\",\"prompt\":\"A GitHub token with repo scope\"}]");
        assertThat(answer.json().path("missing_credential_files").toString()).isEqualTo("[\"gh/hosts.yml\"]");
        assertThat(answer.json().path("setup_hint").asText()).contains("Never ask for secret values in the chat");
    }

    @Test
    void aVariableTheSessionExportedCounts() throws Exception {
        context.withEnvironment(Map.of("GITHUB_TOKEN", "t"));

        var answer = call(new SkillViewTool(library), context, Map.of("name", "github-pr"));

        assertThat(answer.json().path("missing_environment_variables").size()).isZero();
    }

    @Test
    void filePathReadsOneLinkedFile() throws Exception {
        var answer = call(new SkillViewTool(library), context, Map.of("name", "github-pr",
                "file_path", "references/api.md"));

        assertThat(answer.error()).isFalse();
        assertThat(answer.json().path("content").asText()).isEqualTo("# API\n");
    }

    @Test
    void filePathCannotLeaveTheSkill() throws Exception {
        Files.writeString(home.resolve("secret.txt"), "s3cret");
        Files.createSymbolicLink(skill.resolve("references/leak.md"), home.resolve("secret.txt"));
        SkillViewTool tool = new SkillViewTool(library);

        assertThat(call(tool, context, Map.of("name", "github-pr", "file_path", "../../../secret.txt")).errorText())
                .contains("without '..'");
        assertThat(call(tool, context, Map.of("name", "github-pr", "file_path", home + "/secret.txt")).errorText())
                .contains("must be a path inside the skill");
        assertThat(call(tool, context, Map.of("name", "github-pr", "file_path", "references/leak.md")).errorText())
                .contains("leads out of the skill through a symlink");
        assertThat(call(tool, context, Map.of("name", "github-pr", "file_path", "references/nope.md")).errorText())
                .isEqualTo("skill 'github-pr' has no file references/nope.md; its linked files: references/api.md,"
                        + " templates/pr.md");
    }

    @Test
    void anUnknownSkillSuggestsSimilarNames() throws Exception {
        assertThat(call(new SkillViewTool(library), context, Map.of("name", "github")).errorText())
                .isEqualTo("no skill named 'github'; did you mean: github-pr? (skills_list shows every skill)");
    }

    @Test
    void skillsListFiltersByCategoryAndShowsCategoryDescriptions() throws Exception {
        write(home.resolve("skills"), "devops/deploy", skillMd("deploy", "Deploy.", "Go."));
        Files.writeString(home.resolve("skills/devops/DESCRIPTION.md"), "---\ndescription: Operations.\n---\n");
        SkillsListTool tool = new SkillsListTool(library);

        var all = call(tool, context, Map.of());
        var devops = call(tool, context, Map.of("category", "devops"));
        var none = call(tool, context, Map.of("category", "cooking"));

        assertThat(all.json().path("count").asInt()).isEqualTo(2);
        assertThat(devops.json().path("skills").toString())
                .isEqualTo("[{\"name\":\"deploy\",\"description\":\"Deploy.\",\"category\":\"devops\"}]");
        assertThat(devops.json().path("categories").path("devops").asText()).isEqualTo("Operations.");
        assertThat(none.json().path("message").asText())
                .isEqualTo("no skills in category 'cooking'; categories with skills: devops, github");
    }
}
