package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The {@code skills.*} keys of {@code $HERMES_HOME/config.yaml}, re-read when the file changes. The skill source has
 * no session to ask, so it reads the file itself, like the original.
 *
 * <p>Threading: any thread.
 */
final class SkillsConfig {

    /** Extra read-write skill roots; local skills shadow theirs by name. {@code ~} and {@code ${VAR}} expand. */
    static final String EXTERNAL_DIRS = "skills.external_dirs";
    /** Whether agent writes go through the skills guard (default true). */
    static final String GUARD_AGENT_CREATED = "skills.guard_agent_created";

    private static final System.Logger LOG = System.getLogger(SkillsConfig.class.getName());
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Path file;
    private final Function<String, String> environment;
    private final Path userHome;
    private volatile Loaded loaded = new Loaded(List.of(), Map.of());

    private record Loaded(List<Object> stamp, Map<?, ?> tree) {
    }

    /**
     * @param environment looks a variable up; null when unset
     */
    SkillsConfig(Path file, Function<String, String> environment, Path userHome) {
        this.file = file;
        this.environment = environment;
        this.userHome = userHome;
    }

    List<Path> externalDirs() {
        Optional<Object> value = get(EXTERNAL_DIRS);
        List<String> entries = new ArrayList<>();
        if (value.isPresent() && value.get() instanceof List<?> list) {
            list.stream().filter(entry -> entry != null).map(String::valueOf).forEach(entries::add);
        } else {
            value.map(String::valueOf).filter(entry -> !entry.isBlank()).ifPresent(entries::add);
        }
        return entries.stream().map(this::expand).toList();
    }

    boolean guardAgentCreated() {
        return get(GUARD_AGENT_CREATED).map(value -> !String.valueOf(value).equalsIgnoreCase("false")).orElse(true);
    }

    /** {@code ~/x} and {@code ${VAR}/x} as a path; a relative path is taken from {@code $HERMES_HOME}. */
    Path expand(String entry) {
        Matcher matcher = VARIABLE.matcher(entry.strip());
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String replacement = Optional.ofNullable(environment.apply(matcher.group(1))).orElse(matcher.group());
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        String text = expanded.toString();
        if (text.equals("~") || text.startsWith("~/")) {
            return userHome.resolve(text.equals("~") ? "" : text.substring(2)).normalize();
        }
        return file.toAbsolutePath().getParent().resolve(text).normalize();
    }

    private Optional<Object> get(String dottedKey) {
        Object node = tree();
        for (String part : dottedKey.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            node = map.get(part);
        }
        return Optional.ofNullable(node);
    }

    private Map<?, ?> tree() {
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            List<Object> stamp = Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
            Loaded current = loaded;
            if (!stamp.equals(current.stamp())) {
                Object parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
                current = new Loaded(stamp, parsed instanceof Map<?, ?> map ? map : Map.of());
                loaded = current;
            }
            return current.tree();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + " (skills settings use their defaults): "
                    + e.getMessage());
            return Map.of();
        }
    }
}
