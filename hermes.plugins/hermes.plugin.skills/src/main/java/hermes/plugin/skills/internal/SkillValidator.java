package hermes.plugin.skills.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The strict reading of a {@code SKILL.md} for everything written through Hermes (agent writes, installs): required
 * fields, shapes and limits of reference §5. Every problem is reported at once, each naming the field, what is wrong
 * and how to fix it.
 */
final class SkillValidator {

    static final int MAX_NAME_CHARS = 64;
    static final int MAX_DESCRIPTION_CHARS = 1024;
    /** For SKILL.md files the agent writes; details belong in references/ files. */
    static final int MAX_SKILL_MD_CHARS = 100_000;
    /** Names of skills the agent creates (and hub installs): they become directory names and slash commands. */
    static final Pattern AGENT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> PLATFORMS = Set.of("macos", "linux", "windows");
    private static final List<String> HERMES_LISTS = List.of("tags", "related_skills", "fallback_for_toolsets",
            "fallback_for_tools", "requires_toolsets", "requires_tools");

    private SkillValidator() {
    }

    /**
     * Checks a whole SKILL.md text.
     *
     * @param strictName whether {@code name} must also follow {@link #AGENT_NAME} (new skills)
     * @return the manifest read from it
     * @throws IllegalArgumentException listing every problem
     */
    static SkillManifest validate(String text, boolean strictName) {
        List<String> problems = new ArrayList<>();
        if (text.length() > MAX_SKILL_MD_CHARS) {
            problems.add(String.format("SKILL.md: %,d characters is over the limit of %,d; move details into "
                    + "references/ files and link them from SKILL.md", text.length(), MAX_SKILL_MD_CHARS));
        }
        SkillDocument document = SkillDocument.parse(text);
        Map<String, Object> fields = document.frontMatter();
        checkName(fields.get("name"), strictName, problems);
        checkDescription(fields.get("description"), problems);
        for (String scalar : List.of("version", "author", "license")) {
            if (fields.get(scalar) instanceof Map || fields.get(scalar) instanceof List) {
                problems.add(scalar + ": must be a single value, not a list or mapping");
            }
        }
        checkPlatforms(fields.get("platforms"), problems);
        checkMetadata(fields.get("metadata"), problems);
        checkEnvironment(fields.get("required_environment_variables"), problems);
        checkCredentialFiles(fields.get("required_credential_files"), problems);
        if (document.body().isBlank()) {
            problems.add("body: the instructions after the front matter are empty; write the steps the agent should"
                    + " follow when the skill applies");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid SKILL.md:\n- " + String.join("\n- ", problems));
        }
        return SkillManifest.read(document, String.valueOf(fields.get("name")));
    }

    /** A name the agent may give a new skill, or the reason it may not. */
    static void checkAgentName(String name) {
        List<String> problems = new ArrayList<>();
        checkName(name, true, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.getFirst());
        }
    }

    private static void checkName(Object value, boolean strict, List<String> problems) {
        if (SkillManifest.text(value).isEmpty()) {
            problems.add("name: missing; add 'name: my-skill' to the front matter (lowercase letters, digits, '.',"
                    + " '_' or '-')");
            return;
        }
        String name = SkillManifest.text(value).get();
        if (name.length() > MAX_NAME_CHARS) {
            problems.add("name: " + name.length() + " characters is over the limit of " + MAX_NAME_CHARS
                    + "; shorten it");
        }
        if (strict && !AGENT_NAME.matcher(name).matches()) {
            String suggestion = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
            problems.add("name: '" + name + "' is not a valid skill name; use lowercase letters, digits, '.', '_' and"
                    + " '-', starting with a letter or digit" + (suggestion.isEmpty() ? "" : " (for example '"
                    + suggestion + "')"));
        }
    }

    private static void checkDescription(Object value, List<String> problems) {
        if (SkillManifest.text(value).isEmpty()) {
            problems.add("description: missing; add one line saying what the skill does and when to use it"
                    + " ('description: ...')");
        } else if (SkillManifest.text(value).get().length() > MAX_DESCRIPTION_CHARS) {
            problems.add("description: " + SkillManifest.text(value).get().length() + " characters is over the limit"
                    + " of " + MAX_DESCRIPTION_CHARS + "; keep it to a sentence or two and move the rest into the body");
        }
    }

    private static void checkPlatforms(Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Map) {
            problems.add("platforms: must be a list such as [linux, macos]");
            return;
        }
        for (String platform : SkillManifest.strings(value)) {
            if (!PLATFORMS.contains(platform)) {
                problems.add("platforms: '" + platform + "' is not one of macos, linux, windows; remove it or use"
                        + " one of those");
            }
        }
    }

    private static void checkMetadata(Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> metadata)) {
            problems.add("metadata: must be a mapping (metadata:\\n  hermes:\\n    tags: [...])");
            return;
        }
        Object hermes = metadata.get("hermes");
        if (hermes == null) {
            return;
        }
        if (!(hermes instanceof Map<?, ?> fields)) {
            problems.add("metadata.hermes: must be a mapping of tags, related_skills, category, ...");
            return;
        }
        for (String key : HERMES_LISTS) {
            Object entry = fields.get(key);
            if (entry != null && !(entry instanceof List<?> list && list.stream().allMatch(
                    item -> SkillManifest.text(item).isPresent()))) {
                problems.add("metadata.hermes." + key + ": must be a list of names, for example [a, b]");
            }
        }
        if (fields.get("category") instanceof Map || fields.get("category") instanceof List) {
            problems.add("metadata.hermes.category: must be a single name such as devops");
        }
        Object config = fields.get("config");
        if (config != null) {
            List<?> settings = SkillManifest.list(config);
            if (!(config instanceof List) || settings.stream().anyMatch(setting -> !(setting instanceof Map<?, ?> m)
                    || SkillManifest.text(m.get("key")).isEmpty())) {
                problems.add("metadata.hermes.config: must be a list of {key, description, default, prompt} with a"
                        + " key in every entry");
            }
        }
    }

    private static void checkEnvironment(Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        List<?> entries = SkillManifest.list(value);
        if (!(value instanceof List)) {
            problems.add("required_environment_variables: must be a list of {name, prompt, help, required_for}");
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            Object name = entry instanceof Map<?, ?> map ? map.get("name") : entry;
            String text = SkillManifest.text(name).orElse("");
            if (!VARIABLE_NAME.matcher(text).matches()) {
                problems.add("required_environment_variables[" + i + "]: needs a 'name' that is a variable name"
                        + " (for example name: GITHUB_TOKEN)" + (text.isEmpty() ? "" : ", not '" + text + "'"));
            }
        }
    }

    private static void checkCredentialFiles(Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> entries)) {
            problems.add("required_credential_files: must be a list of {path, description}");
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            Object path = entry instanceof Map<?, ?> map ? map.get("path") : entry;
            if (SkillManifest.text(path).isEmpty()) {
                problems.add("required_credential_files[" + i + "]: needs a 'path' (for example path:"
                        + " google_token.json)");
            }
        }
    }
}
