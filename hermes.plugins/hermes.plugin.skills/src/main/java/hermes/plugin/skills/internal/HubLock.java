package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Provenance of installed skills: {@code skills/.hub/lock.json} ({@code {"installed": {name: {source, identifier,
 * trust_level, verdict, forced, content_hash, install_path, installed_at}}}}) and one line per decision in
 * {@code skills/.hub/audit.log}.
 */
final class HubLock {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SkillsHome home;

    HubLock(SkillsHome home) {
        this.home = home;
    }

    /** The installed skills' entries by name (empty when nothing was installed). */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> installed() throws IOException {
        Path file = home.hubLock();
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> lock = JSON.readValue(file.toFile(), Map.class);
        Object installed = lock.get("installed");
        return installed instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Map<String, Object>>) map)
                : new LinkedHashMap<>();
    }

    synchronized void record(String name, Map<String, Object> entry) throws IOException {
        Map<String, Map<String, Object>> installed = installed();
        installed.put(name, entry);
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("version", 1);
        lock.put("installed", installed);
        AtomicFiles.write(home.hubLock(), JSON.writeValueAsString(lock) + "\n");
    }

    synchronized void audit(String line) throws IOException {
        Files.createDirectories(home.hubAuditLog().getParent());
        Files.writeString(home.hubAuditLog(), Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** {@code sha256:<16 hex>} over every file of a skill in path order: paths and bytes. */
    static String contentHash(Path directory) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path file : files) {
                sha.update(directory.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
