package hermes.plugin.skills.internal;

import static hermes.plugin.skills.internal.TestSkills.call;
import static hermes.plugin.skills.internal.TestSkills.skillMd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.testing.FakeToolContext;

class RevisionsTest {

    private static final String ORIGINAL = skillMd("deploy", "Deploy the service.", "1. Build.\n2. Ship.\n");

    @TempDir
    Path home;

    private SkillLibrary library;
    private Path file;
    private SkillManageTool tool;
    private FakeToolContext context;
    private SkillsCommand command;

    @BeforeEach
    void setUp() throws Exception {
        file = TestSkills.write(home.resolve("skills"), "devops/deploy", ORIGINAL).resolve("SKILL.md");
        library = TestSkills.library(home);
        tool = new SkillManageTool(library);
        context = new FakeToolContext(home).withSessionId("20260103_101010_feed01");
        command = new SkillsCommand(library);
    }

    private void patch(String oldString, String newString, String reason) throws Exception {
        var answer = call(tool, context, Map.of("action", "patch", "name", "deploy", "old_string", oldString,
                "new_string", newString, "reason", reason));
        assertThat(answer.error()).as(answer.json().toString()).isFalse();
    }

    @Test
    void anAgentPatchKeepsTheOriginalAndRevertBringsItBackAsAThirdRevision() throws Exception {
        patch("2. Ship.", "2. Ship on Fridays.", "the team ships on Fridays");

        List<Revision> history = library.revisions().history("deploy");
        assertThat(history).extracting(Revision::number, Revision::action, Revision::author).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "baseline", "unknown"),
                org.assertj.core.groups.Tuple.tuple(2, "patch", "agent:20260103_101010_feed01"));
        assertThat(history.get(0).content()).contains(ORIGINAL);
        assertThat(history.get(1).reason()).contains("the team ships on Fridays");
        assertThat(history.get(1).diff()).contains("-2. Ship.\n+2. Ship on Fridays.\n");
        assertThat(history.get(1).added()).isEqualTo(1);
        assertThat(history.get(1).removed()).isEqualTo(1);

        Replies replies = new Replies();
        command.run("revert deploy 1 the old text was right", replies);

        assertThat(file).hasContent(ORIGINAL);
        assertThat(replies.last()).isEqualTo("reverted SKILL.md of 'deploy' to revision 1 (kept as revision 3)");
        Revision third = library.revisions().find("deploy", 3).orElseThrow();
        assertThat(third.action()).isEqualTo("revert");
        assertThat(third.author()).isEqualTo("user (cli)");
        assertThat(third.reason()).contains("revert to revision 1: the old text was right");
        assertThat(third.content()).contains(ORIGINAL);
        assertThat(library.revisions().history("deploy")).hasSize(3);
    }

    @Test
    void anEditByHandBetweenTwoChangesIsKeptAsAnOutsideEdit() throws Exception {
        patch("1. Build.", "1. Build it.", "clearer");
        String byHand = Files.readString(file).replace("2. Ship.", "2. Ship carefully.");
        Files.writeString(file, byHand);

        patch("1. Build it.", "1. Build it all.", "complete");

        assertThat(library.revisions().history("deploy")).extracting(Revision::action)
                .containsExactly("baseline", "patch", "outside-edit", "patch");
        assertThat(library.revisions().find("deploy", 3).orElseThrow().content()).contains(byHand);
    }

    @Test
    void historyAndDiffShowWhoChangedWhatAndWhy() throws Exception {
        patch("2. Ship.", "2. Ship on Fridays.", "the team ships on Fridays");
        Replies replies = new Replies();

        command.run("history deploy", replies);
        assertThat(replies.last()).contains("REV", "WHEN", "WHO", "WHAT", "+/-", "WHY")
                .contains("agent:20260103_101010_feed01", "patch SKILL.md", "+1 -1", "the team ships on Fridays");

        command.run("diff deploy 2", replies);
        assertThat(replies.last()).startsWith("revision 2 of deploy: patch of SKILL.md by agent:20260103_101010_feed01")
                .endsWith("""
                        — the team ships on Fridays
                        --- a/SKILL.md
                        +++ b/SKILL.md
                        @@ -3,4 +3,4 @@
                         description: Deploy the service.
                         ---
                         1. Build.
                        -2. Ship.
                        +2. Ship on Fridays.""");
    }

    @Test
    void aDeletedSkillComesBackByRevertingToItsLastContent() throws Exception {
        var deleted = call(tool, context, Map.of("action", "delete", "name", "deploy", "reason", "unused"));
        assertThat(deleted.error()).isFalse();
        assertThat(file).doesNotExist();

        command.run("revert deploy 1", new Replies());

        assertThat(file).hasContent(ORIGINAL);
        assertThat(library.listing().skills()).extracting(Skill::name).containsExactly("deploy");
    }

    @Test
    void revertToAMissingRevisionOrTheCurrentContentSaysWhy() throws Exception {
        patch("2. Ship.", "2. Ship now.", "now");

        assertThatThrownBy(() -> command.run("revert deploy 9", new Replies()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skill 'deploy' has no revision 9; list them with: hermes skills history deploy");
        assertThatThrownBy(() -> command.run("revert deploy 2", new Replies()))
                .hasMessage("SKILL.md of 'deploy' already is as in revision 2; nothing to revert");
        assertThatThrownBy(() -> command.run("revert deploy two", new Replies()))
                .hasMessage("'two' is not a revision number; skills history <name> lists them");
    }

    @Test
    void historyIsKeptInOurOwnDatabaseNeverInStateDb() throws Exception {
        patch("2. Ship.", "2. Ship now.", "now");

        assertThat(home.resolve("hermes-jvm.db")).exists();
        assertThat(home.resolve("state.db")).doesNotExist();
    }
}
