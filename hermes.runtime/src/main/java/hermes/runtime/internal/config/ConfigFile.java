package hermes.runtime.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * {@code config.yaml} read as an immutable snapshot and written atomically. Keys are dotted paths as in the original
 * ({@code agent.max_turns}); {@code ${VAR}} in a value is replaced by the environment variable (left verbatim when
 * unset, like the original). Secrets go to {@code .env}, never to this file.
 *
 * <p>Threading: {@link #snapshot()} re-reads the file when it changed on disk; safe from any thread.
 */
public final class ConfigFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SECRET_KEY = Pattern.compile("[A-Z][A-Z0-9_]*(KEY|TOKEN|SECRET|PASSWORD)[A-Z0-9_]*");

    private final HermesHome home;
    /** Built on first use: Jackson's class loading would otherwise sit on the path to the first prompt. */
    private volatile ObjectMapper yaml;
    private volatile Loaded loaded = new Loaded(null, Map.of());

    /**
     * @param stamp the file key (a new one on every atomic replace), modification time and size the tree was read at:
     *     the time alone misses quick writes on file systems with coarse timestamps
     */
    private record Loaded(List<Object> stamp, Map<String, Object> tree) {
    }

    private final Secrets secrets;

    public ConfigFile(HermesHome home) {
        this.home = home;
        this.secrets = new Secrets(home.env(), System::getenv);
    }

    private ObjectMapper yaml() {
        ObjectMapper mapper = yaml;
        if (mapper == null) {
            mapper = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            yaml = mapper;
        }
        return mapper;
    }

    /** The secrets {@code ${VAR}} references resolve against: {@code .env}, then the environment. */
    public Secrets secrets() {
        return secrets;
    }

    public Path path() {
        return home.config();
    }

    /** The whole configuration as read now (empty when the file is missing). */
    public Map<String, Object> snapshot() throws IOException {
        Path file = home.config();
        if (!Files.exists(file)) {
            return Map.of();
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        List<Object> stamp = Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        Loaded current = loaded;
        if (!stamp.equals(current.stamp())) {
            current = new Loaded(stamp, parse(file));
            loaded = current;
        }
        return current.tree();
    }

    /** One value by dotted key, with {@code ${VAR}} substituted in strings. */
    public Optional<Object> get(String key) throws IOException {
        Object node = snapshot();
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            node = map.get(part);
        }
        return Optional.ofNullable(substitute(node));
    }

    /** A list of strings by dotted key; empty when absent. A single string counts as a one-element list. */
    public List<String> strings(String key) throws IOException {
        Optional<Object> value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value.get()));
    }

    /**
     * Sets a key. API keys and tokens ({@code OPENAI_API_KEY}, {@code TELEGRAM_BOT_TOKEN}, …) go to {@code .env}; every
     * other key to {@code config.yaml}, with the value read as YAML ({@code true}, {@code 90}, {@code [a, b]}).
     *
     * @return the file that was written
     */
    public Path set(String key, String value) throws IOException {
        if (SECRET_KEY.matcher(key).matches()) {
            new EnvFile(home.env()).set(key, value);
            return home.env();
        }
        if (key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new IllegalArgumentException("'" + key + "' is not a config key: use dotted names like agent.max_turns");
        }
        Map<String, Object> tree = deepCopy(snapshot());
        Map<String, Object> node = tree;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(parts[i], child);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) child;
            node = next;
        }
        node.put(parts[parts.length - 1], parseValue(value));
        AtomicFiles.write(home.config(), yaml().writeValueAsBytes(tree));
        return home.config();
    }

    /** The configuration as YAML text, with {@code ${VAR}} left as written. */
    public String render() throws IOException {
        return yaml().writeValueAsString(snapshot());
    }

    private Object parseValue(String value) {
        try {
            Object parsed = yaml().readValue(value, Object.class);
            return parsed == null ? "" : parsed;
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private Map<String, Object> parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            Object tree = yaml().readValue(text, Object.class);
            if (tree == null) {
                return Map.of();
            }
            if (!(tree instanceof Map<?, ?>)) {
                throw new IOException(file + " must hold a mapping of keys at the top level; fix or delete it"
                        + " (a fresh one is written on the next start)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) tree;
            return map;
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid YAML (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "); fix that line", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return copy;
    }

    /** Replaces {@code ${VAR}} in strings, inside lists and maps too; {@code .env} values count as set variables. */
    private Object substitute(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, substitute(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::substitute).toList();
        }
        if (!(value instanceof String text)) {
            return value;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String env = secrets.get(m.group(1)).orElse(null);
            m.appendReplacement(out, Matcher.quoteReplacement(env != null ? env : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
