package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code skill_view}: a skill's SKILL.md with its linked files (level 1 of progressive disclosure), or one linked file
 * (level 2). Tells when the skill's required variables or credential files are missing ({@code setup_needed}).
 * Every view is counted in {@code skill_usage}.
 */
@Component(service = Tool.class, property = "hermes.id=skill_view")
public final class SkillViewTool implements Tool {

    private static final System.Logger LOG = System.getLogger(SkillViewTool.class.getName());
    private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private static final ToolSpec SPEC = ToolSpec.of("skill_view", "skills", """
            Load a skill: returns its SKILL.md (the instructions to follow), the files linked with it and how to \
            read them. Call it as soon as a skill in the index matches the task, even partly, before starting the \
            work. With file_path, returns one linked file of the skill instead (for example references/api.md or \
            templates/report.md). When the result says setup_needed, the skill needs environment variables or \
            credential files that are missing: tell the user which ones and where to set them (~/.hermes/.env); \
            never ask for secret values in the chat.""", """
            {"type":"object","properties":{\
            "name":{"type":"string","description":"the skill's name as the index shows it"},\
            "file_path":{"type":"string","description":"a linked file inside the skill, relative to it \
            (references/..., templates/..., scripts/..., assets/...); omit to load SKILL.md"}},\
            "required":["name"]}""");

    private final SkillLibrary library;

    @Activate
    public SkillViewTool(@Reference SkillLibrary library) {
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
            ToolArguments arguments = ToolArguments.of(call);
            String name = arguments.required("name", "the skill's name as skills_list shows it");
            SkillCatalog.Listing listing = library.listing();
            Optional<Skill> found = listing.find(name.strip());
            if (found.isEmpty()) {
                return SkillJson.error(notFound(name.strip(), listing));
            }
            Skill skill = found.get();
            Optional<String> filePath = arguments.text("file_path").map(String::strip)
                    .filter(path -> !path.isEmpty() && !path.equals(SkillEditor.SKILL_FILE));
            ToolResult result = filePath.isPresent() ? linkedFile(skill, filePath.get())
                    : skillFile(skill, context);
            countView(skill);
            return result;
        } catch (IllegalArgumentException e) {
            return SkillJson.error(e.getMessage());
        } catch (IOException e) {
            return SkillJson.error("cannot read the skill: " + e.getMessage());
        }
    }

    private ToolResult skillFile(Skill skill, ToolContext context) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", skill.name());
        result.put("description", skill.description());
        result.put("category", skill.category());
        result.put("path", skill.directory().toString());
        result.put("content", Files.readString(skill.file(), StandardCharsets.UTF_8));
        Map<String, List<String>> linked = linkedFiles(skill.directory());
        result.put("linked_files", linked);
        result.put("usage_hint", linked.isEmpty() ? "Follow the instructions in content; this skill has no linked"
                + " files." : "Follow the instructions in content. Read a linked file when they point to it, with"
                + " skill_view(name=\"" + skill.name() + "\", file_path=\"" + linked.values().iterator().next()
                .getFirst() + "\"); scripts and templates are in " + skill.directory() + ".");
        SetupCheck setup = SetupCheck.of(skill.manifest(), context.environment(), library.environment(),
                library.home());
        if (!setup.ready()) {
            result.put("setup_needed", true);
            result.put("missing_environment_variables", setup.variables().stream().map(variable -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("name", variable.name());
                variable.prompt().ifPresent(prompt -> entry.put("prompt", prompt));
                variable.help().ifPresent(help -> entry.put("help", help));
                variable.requiredFor().ifPresent(use -> entry.put("required_for", use));
                return entry;
            }).toList());
            result.put("missing_credential_files", setup.files().stream().map(file -> file.path()).toList());
            result.put("setup_hint", "This skill is not ready: ask the user to add the missing variables to "
                    + library.home().env() + " (or export them) and to create the missing credential files, then"
                    + " load the skill again. Never ask for secret values in the chat.");
        }
        return SkillJson.ok(result);
    }

    private static ToolResult linkedFile(Skill skill, String filePath) throws IOException {
        String relative = filePath.replace('\\', '/');
        List<String> segments = List.of(relative.split("/"));
        if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*") || relative.startsWith("~")
                || segments.contains("..")) {
            return SkillJson.error("file_path '" + filePath + "' must be a path inside the skill, relative to it and"
                    + " without '..' (for example references/api.md)");
        }
        Path file = skill.directory().resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            List<String> available = linkedFiles(skill.directory()).values().stream().flatMap(List::stream).toList();
            return SkillJson.error("skill '" + skill.name() + "' has no file " + relative + "; its linked files: "
                    + (available.isEmpty() ? "none" : String.join(", ", available)));
        }
        if (!file.toRealPath().startsWith(skill.directory().toRealPath())) {
            return SkillJson.error("file_path '" + filePath + "' leads out of the skill through a symlink; only"
                    + " files inside the skill can be read");
        }
        long size = Files.size(file);
        Optional<String> text = size > MAX_FILE_BYTES ? Optional.empty()
                : hermes.plugin.skills.internal.guard.SkillGuard.decode(Files.readAllBytes(file));
        if (text.isEmpty()) {
            return SkillJson.error(relative + " is a binary or very large file (" + size + " bytes), so it is not"
                    + " shown; use it from " + file);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", skill.name());
        result.put("file_path", relative);
        result.put("content", text.get());
        return SkillJson.ok(result);
    }

    /** Files other than SKILL.md, grouped by their top folder ({@code references}, …, or {@code other}). */
    static Map<String, List<String>> linkedFiles(Path directory) throws IOException {
        Map<String, List<String>> linked = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted()
                    .toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                if (relative.equals(SkillEditor.SKILL_FILE) || relative.startsWith(".") || relative.contains("/.")) {
                    continue;
                }
                String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "other";
                String group = SkillEditor.SUPPORT_DIRECTORIES.contains(top) ? top : "other";
                linked.computeIfAbsent(group, key -> new ArrayList<>()).add(relative);
            }
        }
        return linked;
    }

    private static String notFound(String name, SkillCatalog.Listing listing) {
        String wanted = name.toLowerCase(java.util.Locale.ROOT);
        List<String> similar = listing.skills().stream().map(Skill::name)
                .filter(candidate -> candidate.contains(wanted) || wanted.contains(candidate)
                        || commonPrefix(candidate, wanted) >= 4)
                .limit(5).toList();
        return "no skill named '" + name + "'" + (similar.isEmpty() ? "" : "; did you mean: "
                + String.join(", ", similar) + "?") + " (skills_list shows every skill)";
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private void countView(Skill skill) {
        try {
            library.revisions().countView(skill.name());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot count a view of skill " + skill.name() + ": "
                    + e.getMessage());
        }
    }
}
