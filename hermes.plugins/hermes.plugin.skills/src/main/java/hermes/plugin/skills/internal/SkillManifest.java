package hermes.plugin.skills.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import hermes.api.SkillSource.Activation;

/**
 * The front matter of a skill read leniently, as the catalog needs it: a field of the wrong shape is treated as
 * absent (a hand-written skill still lists); {@link SkillValidator} is the strict reading for writes.
 *
 * @param name {@code name}, or the directory name when missing
 * @param description {@code description}, or the first plain line of the body when missing
 * @param requiredEnvironment {@code required_environment_variables}
 * @param credentialFiles {@code required_credential_files}
 */
record SkillManifest(String name, String description, Optional<String> version, Optional<String> author,
                     Optional<String> license, List<String> platforms, List<String> tags, List<String> relatedSkills,
                     Optional<String> category, Activation activation, List<Map<String, Object>> settings,
                     List<EnvironmentVariable> requiredEnvironment, List<CredentialFile> credentialFiles,
                     List<String> allowedTools) {

    /** One entry of {@code required_environment_variables}. */
    record EnvironmentVariable(String name, Optional<String> prompt, Optional<String> help,
                               Optional<String> requiredFor) {
    }

    /** One entry of {@code required_credential_files}. */
    record CredentialFile(String path, Optional<String> description) {
    }

    static SkillManifest read(SkillDocument document, String directoryName) {
        Map<String, Object> fields = document.frontMatter();
        Map<String, Object> hermes = map(map(fields.get("metadata")).get("hermes"));
        String name = text(fields.get("name")).orElse(directoryName);
        String description = text(fields.get("description")).orElseGet(() -> firstPlainLine(document.body()));
        List<String> platforms = strings(fields.get("platforms"));
        Activation activation = new Activation(platforms, strings(hermes.get("fallback_for_tools")),
                strings(hermes.get("fallback_for_toolsets")), strings(hermes.get("requires_tools")),
                strings(hermes.get("requires_toolsets")));
        List<EnvironmentVariable> environment = new ArrayList<>();
        for (Object entry : list(fields.get("required_environment_variables"))) {
            if (entry instanceof Map<?, ?> variable) {
                text(variable.get("name")).ifPresent(variableName -> environment.add(new EnvironmentVariable(
                        variableName, text(variable.get("prompt")), text(variable.get("help")),
                        text(variable.get("required_for")))));
            } else {
                text(entry).ifPresent(variableName -> environment.add(new EnvironmentVariable(variableName,
                        Optional.empty(), Optional.empty(), Optional.empty())));
            }
        }
        List<CredentialFile> credentials = new ArrayList<>();
        for (Object entry : list(fields.get("required_credential_files"))) {
            if (entry instanceof Map<?, ?> file) {
                text(file.get("path")).ifPresent(path -> credentials.add(new CredentialFile(path,
                        text(file.get("description")))));
            } else {
                text(entry).ifPresent(path -> credentials.add(new CredentialFile(path, Optional.empty())));
            }
        }
        List<Map<String, Object>> settings = new ArrayList<>();
        for (Object entry : list(hermes.get("config"))) {
            settings.add(map(entry));
        }
        return new SkillManifest(name, oneLine(description), text(fields.get("version")), text(fields.get("author")),
                text(fields.get("license")), platforms, strings(hermes.get("tags")),
                strings(hermes.get("related_skills")), text(hermes.get("category")), activation,
                List.copyOf(settings), List.copyOf(environment), List.copyOf(credentials),
                strings(fields.get("allowed-tools")));
    }

    /** A scalar as text; lists and maps are not text. */
    static Optional<String> text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return Optional.empty();
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(SkillManifest::text).flatMap(Optional::stream).toList();
        }
        return text(value).map(List::of).orElse(List.of());
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String firstPlainLine(String body) {
        return body.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst()
                .orElse("");
    }

    /** The index shows one line per skill. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
