package hermes.plugin.skills.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code skills_list}: the installed skills with their one-line descriptions, optionally of one category. */
@Component(service = Tool.class, property = "hermes.id=skills_list")
public final class SkillsListTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("skills_list", "skills", """
            List your installed skills: reusable instructions for particular kinds of task, each with a name, a \
            one-line description and a category. The system prompt already holds this index from the start of the \
            session; call this to look inside one category or to see skills added since. Load a skill's \
            instructions with skill_view(name) before doing a task it covers.""", """
            {"type":"object","properties":{\
            "category":{"type":"string","description":"only skills in this category or below it (for example \
            devops or mlops/inference); omit for all"}}}""");

    private final SkillLibrary library;

    @Activate
    public SkillsListTool(@Reference SkillLibrary library) {
        this.library = library;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        try {
            Optional<String> category = ToolArguments.of(call).text("category").map(String::strip)
                    .map(text -> text.replaceAll("/+$", "")).filter(text -> !text.isEmpty());
            SkillCatalog.Listing listing = library.listing();
            List<Skill> visible = listing.skills().stream().filter(SkillsListTool::onThisPlatform).toList();
            List<Map<String, String>> skills = visible.stream()
                    .filter(skill -> category.isEmpty() || skill.category().equals(category.get())
                            || skill.category().startsWith(category.get() + "/"))
                    .map(skill -> {
                        Map<String, String> entry = new LinkedHashMap<>();
                        entry.put("name", skill.name());
                        entry.put("description", skill.description());
                        entry.put("category", skill.category());
                        return entry;
                    })
                    .toList();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("count", skills.size());
            result.put("skills", skills);
            if (!listing.categories().isEmpty()) {
                result.put("categories", listing.categories());
            }
            if (skills.isEmpty() && category.isPresent()) {
                result.put("message", "no skills in category '" + category.get() + "'; categories with skills: "
                        + String.join(", ", visible.stream().map(Skill::category).filter(c -> !c.isEmpty())
                        .distinct().toList()));
            } else {
                result.put("hint", "Load a skill's instructions with skill_view(name) before starting a task it"
                        + " covers.");
            }
            return SkillJson.ok(result);
        } catch (IllegalArgumentException e) {
            return SkillJson.error(e.getMessage());
        } catch (IOException e) {
            return SkillJson.error("cannot list the skills: " + e.getMessage());
        }
    }

    /** {@code platforms} in the front matter hides a skill on other operating systems. */
    static boolean onThisPlatform(Skill skill) {
        List<String> platforms = skill.manifest().platforms();
        return platforms.isEmpty() || platforms.contains(currentPlatform());
    }

    static String currentPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") ? "macos" : os.contains("win") ? "windows" : "linux";
    }
}
