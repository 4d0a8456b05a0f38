package hermes.plugin.skills.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A {@code SKILL.md} split into its YAML front matter (between two {@code ---} lines at the top) and the instructions
 * after it.
 *
 * @param frontMatter the fields, in file order
 * @param body the text after the closing {@code ---}
 */
record SkillDocument(Map<String, Object> frontMatter, String body) {

    /** Reused: building a YAML mapper costs more than parsing a front matter. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    SkillDocument {
        frontMatter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(frontMatter));
    }

    /**
     * @throws IllegalArgumentException when there is no front matter, it is not closed, or it is not a YAML mapping;
     *     the message says how to fix it
     */
    static SkillDocument parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new IllegalArgumentException("SKILL.md has no front matter: it must start with a '---' line, then "
                    + "'name: ...' and 'description: ...', then a closing '---' line before the instructions");
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new IllegalArgumentException("the front matter of SKILL.md is never closed: add a '---' line after "
                    + "its last field, before the instructions");
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < close; i++) {
            yaml.append(lines[i]).append('\n');
        }
        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) {
            body.append(lines[i]);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new SkillDocument(fields(yaml.toString()), body.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(String yaml) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = YAML.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new IllegalArgumentException("the front matter of SKILL.md is not valid YAML (" + reason
                    + (e.getLocation() != null ? " at line " + (e.getLocation().getLineNr() + 1) : "")
                    + "); fix the lines between the '---' markers, and quote values that contain ': ' or start with"
                    + " a special character");
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the front matter of SKILL.md must be a mapping of fields "
                    + "('name: ...', 'description: ...'), not a list or a single value");
        }
        return (Map<String, Object>) map;
    }
}
