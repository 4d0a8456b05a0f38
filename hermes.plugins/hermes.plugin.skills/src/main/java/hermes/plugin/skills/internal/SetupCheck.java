package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a skill's {@code required_environment_variables} and {@code required_credential_files} are in place. A
 * variable counts as set when the session exported it, the process has it, or {@code $HERMES_HOME/.env} defines it;
 * a credential file path is taken from {@code $HERMES_HOME} unless absolute or {@code ~/...}. Values are never read
 * into results.
 *
 * @param variables the variables not set
 * @param files the credential files not found
 */
record SetupCheck(List<SkillManifest.EnvironmentVariable> variables, List<SkillManifest.CredentialFile> files) {

    boolean ready() {
        return variables.isEmpty() && files.isEmpty();
    }

    static SetupCheck of(SkillManifest manifest, Map<String, String> session, Function<String, String> process,
                         SkillsHome home) throws IOException {
        Set<String> dotEnv = dotEnvNames(home.env());
        List<SkillManifest.EnvironmentVariable> missing = manifest.requiredEnvironment().stream()
                .filter(variable -> !set(session.get(variable.name())) && !set(process.apply(variable.name()))
                        && !dotEnv.contains(variable.name()))
                .toList();
        Path userHome = Path.of(System.getProperty("user.home"));
        List<SkillManifest.CredentialFile> absent = manifest.credentialFiles().stream()
                .filter(file -> !Files.exists(file.path().startsWith("~/") ? userHome.resolve(file.path().substring(2))
                        : home.root().resolve(file.path())))
                .toList();
        return new SetupCheck(missing, absent);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** The names {@code .env} gives a non-empty value ({@code KEY=value}, {@code export KEY=value}). */
    private static Set<String> dotEnvNames(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.startsWith("export ")) {
                entry = entry.substring("export ".length()).strip();
            }
            int equals = entry.indexOf('=');
            if (!entry.startsWith("#") && equals > 0) {
                String value = entry.substring(equals + 1).strip().replaceAll("^['\"]|['\"]$", "");
                if (!value.isEmpty()) {
                    names.add(entry.substring(0, equals).strip());
                }
            }
        }
        return names;
    }
}
