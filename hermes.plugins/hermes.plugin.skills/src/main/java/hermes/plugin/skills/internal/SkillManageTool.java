package hermes.plugin.skills.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code skill_manage}: the agent creates and maintains its skills. Every change is validated, run past the skills
 * guard when {@code skills.guard_agent_created} is on (the default), written atomically where the skill lives and kept
 * as a revision with the session id and the given reason.
 */
@Component(service = Tool.class, property = "hermes.id=skill_manage")
public final class SkillManageTool implements Tool {

    private static final List<String> ACTIONS = List.of("create", "patch", "edit", "delete", "write_file",
            "remove_file");

    private static final ToolSpec SPEC = ToolSpec.of("skill_manage", "skills", """
            Create and maintain skills, your long-term procedural memory: after a hard or repeated task succeeds, \
            save how you did it as a skill; when a skill turns out wrong or outdated, fix it right away. A skill is \
            a SKILL.md file: YAML front matter between '---' lines (name: lowercase-with-dashes, at most 64 \
            characters; description: one line saying what it does and when to use it; optional version, platforms, \
            metadata.hermes.tags, required_environment_variables) followed by the instructions, plus optional files \
            under references/, templates/, scripts/ and assets/. Actions: create (name, content = the whole \
            SKILL.md, optional category folder such as devops), patch (the preferred way to change anything: \
            old_string -> new_string in SKILL.md, or in a linked file with file_path; small whitespace or \
            indentation drift is tolerated; replace_all for every occurrence), edit (content = a full rewrite of \
            SKILL.md), delete (absorbed_into = the skill that now holds its content, when merging), write_file \
            (file_path + file_content, 1 MiB at most), remove_file (file_path). Give a short reason for every \
            change: each one is kept as a revision the user can review and revert. New skills are listed in the \
            index from the next session on.""", """
            {"type":"object","properties":{\
            "action":{"type":"string","enum":["create","patch","edit","delete","write_file","remove_file"]},\
            "name":{"type":"string","description":"the skill's name (for create: lowercase letters, digits, '.', \
            '_', '-'; it must equal the name in the front matter)"},\
            "content":{"type":"string","description":"create/edit: the whole SKILL.md, front matter included"},\
            "category":{"type":"string","description":"create: the category folder, may nest (mlops/inference)"},\
            "old_string":{"type":"string","description":"patch: the text to replace, with enough context to be \
            unique"},\
            "new_string":{"type":"string","description":"patch: the replacement (empty deletes old_string)"},\
            "replace_all":{"type":"boolean","description":"patch: replace every occurrence (default false)"},\
            "file_path":{"type":"string","description":"patch/write_file/remove_file: a file inside the skill \
            under references/, templates/, scripts/ or assets/"},\
            "file_content":{"type":"string","description":"write_file: the file's whole content"},\
            "absorbed_into":{"type":"string","description":"delete: the skill this one was merged into"},\
            "reason":{"type":"string","description":"why you make this change, one sentence; kept with the \
            revision"}},\
            "required":["action","name"]}""");

    private final SkillLibrary library;

    @Activate
    public SkillManageTool(@Reference SkillLibrary library) {
        this.library = library;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        try {
            ToolArguments arguments = ToolArguments.of(call);
            String action = arguments.required("action", "one of " + String.join(", ", ACTIONS));
            String name = arguments.required("name", "the skill to act on").strip();
            Actor actor = Actor.agent(context.sessionId(), arguments.text("reason"));
            boolean guarded = context.config(SkillsConfig.GUARD_AGENT_CREATED)
                    .map(value -> !String.valueOf(value).equalsIgnoreCase("false"))
                    .orElseGet(() -> library.config().guardAgentCreated());
            SkillEditor editor = library.editor();
            SkillEditor.Edit edit = switch (action) {
                case "create" -> editor.create(name, arguments.text("category").map(String::strip)
                                .filter(category -> !category.isEmpty()),
                        arguments.required("content", "the whole SKILL.md, front matter included"), actor, guarded);
                case "patch" -> editor.patch(name, arguments.text("file_path").map(String::strip)
                                .filter(path -> !path.isEmpty() && !path.equals(SkillEditor.SKILL_FILE)),
                        arguments.present("old_string", "the text to replace, copied from skill_view"),
                        arguments.present("new_string", "the replacement; an empty string deletes old_string"),
                        arguments.bool("replace_all", false), actor, guarded);
                case "edit" -> editor.edit(name, arguments.required("content", "the whole new SKILL.md"), actor,
                        guarded);
                case "delete" -> editor.delete(name, arguments.text("absorbed_into").map(String::strip)
                        .filter(target -> !target.isEmpty()), actor);
                case "write_file" -> editor.writeFile(name,
                        arguments.required("file_path", "where in the skill, e.g. references/api.md"),
                        arguments.present("file_content", "the file's whole content"), actor, guarded);
                case "remove_file" -> editor.removeFile(name,
                        arguments.required("file_path", "the file to remove, e.g. references/old.md"), actor);
                default -> throw new IllegalArgumentException("unknown action '" + action + "'; use one of "
                        + String.join(", ", ACTIONS));
            };
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("action", action);
            result.put("name", edit.skill());
            result.put("path", edit.directory().resolve(edit.file()).toString());
            result.put("revision", edit.revision());
            result.put("message", edit.message());
            result.putAll(edit.details());
            return SkillJson.ok(result);
        } catch (GuardRefusal refusal) {
            return SkillJson.error(refusal.getMessage(), Map.of("verdict", refusal.report().verdict().wireName(),
                    "findings", refusal.report().findingsAsMaps()));
        } catch (IllegalArgumentException e) {
            return SkillJson.error(e.getMessage());
        } catch (IOException e) {
            return SkillJson.error("the skill was not changed: " + e.getMessage());
        }
    }
}
