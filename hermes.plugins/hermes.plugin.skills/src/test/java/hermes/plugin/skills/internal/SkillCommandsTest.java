package hermes.plugin.skills.internal;

import static hermes.plugin.skills.internal.TestSkills.skillMd;
import static hermes.plugin.skills.internal.TestSkills.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

class SkillCommandsTest {

    @TempDir
    Path home;

    private final List<Command> registered = new ArrayList<>();
    private final Set<String> others = new HashSet<>(Set.of("model", "new"));
    private SkillLibrary library;
    private SkillCommands commands;

    /** Keeps registrations in a list, as the service registry would. */
    private final SkillCommands.Registry registry = new SkillCommands.Registry() {
        @Override
        public SkillCommands.Registration register(Command command, Map<String, Object> properties) {
            assertThat(properties).containsEntry(SkillCommands.SKILL_PROPERTY, command.name());
            registered.add(command);
            return () -> registered.remove(command);
        }

        @Override
        public Set<String> otherCommandNames() {
            return others;
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        Path skills = home.resolve("skills");
        write(skills, "software-development/plan", skillMd("plan", "Plan before coding.", "1. Think.\n"));
        write(skills, "model", skillMd("model", "Clashes with /model.", "x\n"));
        library = TestSkills.library(home);
        commands = new SkillCommands(registry, library);
        library.addListener(commands::publish);
        commands.publish(library.listing().skills());
    }

    private List<String> names() {
        return registered.stream().map(Command::name).sorted().toList();
    }

    @Test
    void everySkillBecomesACommandExceptNamesOtherCommandsHave() {
        assertThat(names()).containsExactly("plan");
        assertThat(registered.getFirst().description()).isEqualTo("skill: Plan before coding.");
    }

    @Test
    void commandsFollowSkillsThatAreCreatedChangedAndDeleted() throws Exception {
        SkillEditor editor = library.editor();
        Actor agent = Actor.agent("s1", Optional.empty());

        editor.create("deploy", Optional.empty(), skillMd("deploy", "Deploy.", "Ship.\n"), agent, true);
        assertThat(names()).containsExactly("deploy", "plan");

        editor.patch("deploy", Optional.empty(), "description: Deploy.", "description: Deploy safely.", false, agent,
                true);
        assertThat(registered).filteredOn(command -> command.name().equals("deploy")).singleElement()
                .satisfies(command -> assertThat(command.description()).isEqualTo("skill: Deploy safely."));

        editor.delete("deploy", Optional.empty(), agent);
        assertThat(names()).containsExactly("plan");

        commands.close();
        assertThat(registered).isEmpty();
    }

    @Test
    void runningASkillCommandSubmitsTheSkillAndTheRequestAsAUserTurn() throws Exception {
        Path skill = home.resolve("skills/software-development/plan");
        Files.createDirectories(skill.resolve("references"));
        Files.writeString(skill.resolve("references/checklist.md"), "- scope\n");
        RecordingSession session = new RecordingSession();

        registered.getFirst().run("for the login page", new Replies(Optional.of(session), Caller.localUser()));

        assertThat(session.submitted).singleElement().isEqualTo(Submission.UserTurn.text("""
                [The user invoked the "plan" skill: follow its instructions, which are loaded in full below.]

                ---
                name: plan
                description: Plan before coding.
                ---
                1. Think.

                [The skill has linked files; read one with skill_view(name="plan", file_path="<path>"):]
                - references/checklist.md

                [Skill directory: %s]

                The user's request along with the skill: for the login page
                """.formatted(skill)));
    }

    @Test
    void aSkillCommandNeedsAnOpenConversation() {
        assertThatThrownBy(() -> registered.getFirst().run("", new Replies()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no conversation is open; start one, then type /plan again");
    }

    @Test
    void commandNamesAreLowercaseWithDashes() {
        assertThat(SkillSlashCommand.commandName("My_Skill Name")).isEqualTo("my-skill-name");
    }

    /** A session that only records what was submitted to it. */
    private static final class RecordingSession implements Session {
        final List<Submission> submitted = new ArrayList<>();

        @Override
        public String submit(Submission submission) {
            submitted.add(submission);
            return "sub-1";
        }

        @Override
        public String id() {
            return "20260101_000000_abcdef";
        }

        @Override
        public SessionSpec spec() {
            throw new UnsupportedOperationException("not used by skill commands");
        }

        @Override
        public String model() {
            return "test:model";
        }

        @Override
        public Usage usage() {
            throw new UnsupportedOperationException("not used by skill commands");
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.empty();
        }

        @Override
        public AutoCloseable subscribe(Consumer<Event> listener) {
            return () -> { };
        }

        @Override
        public CompletionStage<ToolResult> callTool(ToolCall call) {
            throw new UnsupportedOperationException("not used by skill commands");
        }

        @Override
        public void close() {
        }
    }
}
