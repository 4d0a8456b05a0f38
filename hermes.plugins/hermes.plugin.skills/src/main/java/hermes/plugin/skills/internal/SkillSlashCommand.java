package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import hermes.api.Command;
import hermes.api.Session;
import hermes.api.Submission;

/**
 * {@code /<skill-name> [request]}: starts a turn whose user message carries the skill's whole SKILL.md, its linked
 * files and the user's request. The skill travels in a user message rather than the system prompt, so the provider's
 * prompt cache stays warm.
 */
final class SkillSlashCommand implements Command {

    private static final int MAX_DESCRIPTION_CHARS = 100;

    private final String commandName;
    private final String skillName;
    private final String description;
    private final SkillLibrary library;

    SkillSlashCommand(String commandName, Skill skill, SkillLibrary library) {
        this.commandName = commandName;
        this.skillName = skill.name();
        String text = skill.description().isEmpty() ? "use the " + skill.name() + " skill" : skill.description();
        this.description = text.length() > MAX_DESCRIPTION_CHARS
                ? text.substring(0, MAX_DESCRIPTION_CHARS - 3) + "..." : text;
        this.library = library;
    }

    /** The command for a skill name: lowercase, spaces and underscores as dashes. */
    static String commandName(String skillName) {
        return skillName.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace('_', '-');
    }

    @Override
    public String name() {
        return commandName;
    }

    @Override
    public String description() {
        return "skill: " + description;
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        Session session = context.session().orElseThrow(() -> new IllegalStateException(
                "no conversation is open; start one, then type /" + commandName + " again"));
        Skill skill = library.find(skillName).orElseThrow(() -> new IllegalArgumentException("skill '" + skillName
                + "' is no longer installed; /skills list shows what is"));
        session.submit(Submission.UserTurn.text(message(skill, arguments)));
    }

    /** The user message that invokes {@code skill}. */
    static String message(Skill skill, String request) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("[The user invoked the \"").append(skill.name()).append("\" skill: follow its instructions,")
                .append(" which are loaded in full below.]\n\n")
                .append(Files.readString(skill.file(), StandardCharsets.UTF_8).strip()).append('\n');
        Map<String, List<String>> linked = SkillViewTool.linkedFiles(skill.directory());
        if (!linked.isEmpty()) {
            text.append("\n[The skill has linked files; read one with skill_view(name=\"").append(skill.name())
                    .append("\", file_path=\"<path>\"):]\n");
            linked.values().stream().flatMap(List::stream).forEach(path -> text.append("- ").append(path)
                    .append('\n'));
        }
        text.append("\n[Skill directory: ").append(skill.directory()).append("]\n");
        if (!request.isBlank()) {
            text.append("\nThe user's request along with the skill: ").append(request.strip()).append('\n');
        }
        return text.toString();
    }
}
