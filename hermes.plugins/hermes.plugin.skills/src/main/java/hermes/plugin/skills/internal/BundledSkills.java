package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Installs and updates the bundled skills in {@code $HERMES_HOME/skills} (the original's manifest scheme).
 * {@code skills/.bundled_manifest} holds {@code name:md5} per skill as it was installed; the MD5 runs over every file of
 * the skill, its relative path then its bytes, in path order.
 *
 * <ul>
 *   <li>not in the manifest: copied when no such directory exists (a user's own skill of that name is left alone);
 *   <li>in the manifest and unchanged on disk: replaced when the bundle ships a different version;
 *   <li>in the manifest but changed on disk: the user edited it, so it is never touched again;
 *   <li>in the manifest but gone from disk: the user deleted it, so it is not brought back.
 * </ul>
 * Category {@code DESCRIPTION.md} files are copied when missing. {@code $HERMES_HOME/.no-bundled-skills} opts out.
 */
final class BundledSkills {

    /** What a sync did, by skill name. */
    record Report(List<String> copied, List<String> updated, List<String> userModified, int unchanged) {
        static final Report OPTED_OUT = new Report(List.of(), List.of(), List.of(), 0);
    }

    private static final Comparator<String> BY_SEGMENTS = (a, b) -> {
        String[] left = a.split("/");
        String[] right = b.split("/");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    };

    private BundledSkills() {
    }

    static Report sync(SkillArchive archive, SkillsHome home) throws IOException {
        if (Files.exists(home.noBundledSkillsMarker())) {
            return Report.OPTED_OUT;
        }
        List<String> files = archive.files();
        Map<String, String> manifest = readManifest(home.bundledManifest());
        Map<String, String> before = new LinkedHashMap<>(manifest);
        List<String> copied = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> userModified = new ArrayList<>();
        int unchanged = 0;
        List<String> bundledNames = new ArrayList<>();
        for (String prefix : skillPrefixes(files)) {
            String name = prefix.substring(prefix.lastIndexOf('/') + 1);
            bundledNames.add(name);
            Map<String, byte[]> content = new TreeMap<>(BY_SEGMENTS);
            for (String file : files) {
                if (file.startsWith(prefix + "/")) {
                    content.put(file.substring(prefix.length() + 1), archive.read(file));
                }
            }
            String bundledHash = hash(content);
            Path destination = home.skills().resolve(prefix);
            String recorded = manifest.get(name);
            if (recorded == null) {
                if (!Files.exists(destination)) {
                    install(content, destination);
                    copied.add(name);
                }
                manifest.put(name, bundledHash);
            } else if (!Files.exists(destination)) {
                unchanged++;
            } else if (!hashDirectory(destination).equals(recorded)) {
                userModified.add(name);
            } else if (!bundledHash.equals(recorded)) {
                replace(content, destination);
                manifest.put(name, bundledHash);
                updated.add(name);
            } else {
                unchanged++;
            }
        }
        manifest.keySet().retainAll(bundledNames);
        for (String file : files) {
            Path target = home.skills().resolve(file);
            if (file.endsWith("DESCRIPTION.md") && !Files.exists(target)) {
                AtomicFiles.write(target, archive.read(file));
            }
        }
        if (!manifest.equals(before)) {
            writeManifest(home.bundledManifest(), manifest);
        }
        return new Report(copied, updated, userModified, unchanged);
    }

    static Map<String, String> readManifest(Path file) throws IOException {
        Map<String, String> manifest = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return manifest;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            // an old manifest line without a hash: unknown origin, so an edit cannot be told from an update
            manifest.put(colon < 0 ? entry : entry.substring(0, colon).strip(),
                    colon < 0 ? "" : entry.substring(colon + 1).strip());
        }
        return manifest;
    }

    /** The MD5 of a skill directory on disk, comparable with the manifest. */
    static String hashDirectory(Path directory) throws IOException {
        Map<String, byte[]> content = new TreeMap<>(BY_SEGMENTS);
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                content.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return hash(content);
    }

    private static String hash(Map<String, byte[]> content) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (Map.Entry<String, byte[]> file : content.entrySet()) {
                md5.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                md5.update(file.getValue());
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** {@code category/name} of every bundled skill. */
    private static List<String> skillPrefixes(List<String> files) {
        return files.stream().filter(file -> file.endsWith("/SKILL.md") && !file.startsWith("."))
                .map(file -> file.substring(0, file.length() - "/SKILL.md".length())).distinct().toList();
    }

    private static void install(Map<String, byte[]> content, Path destination) throws IOException {
        for (Map.Entry<String, byte[]> file : content.entrySet()) {
            AtomicFiles.write(destination.resolve(file.getKey()), file.getValue());
        }
    }

    /** Swaps in the new version by renames, so a crash leaves either the old or the new copy, never half of one. */
    private static void replace(Map<String, byte[]> content, Path destination) throws IOException {
        Path parent = destination.getParent();
        String name = destination.getFileName().toString();
        Path fresh = parent.resolve("." + name + ".bundled-new");
        Path old = parent.resolve("." + name + ".bundled-old");
        AtomicFiles.deleteTree(fresh);
        AtomicFiles.deleteTree(old);
        install(content, fresh);
        Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, destination, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.deleteTree(old);
    }

    private static void writeManifest(Path file, Map<String, String> manifest) throws IOException {
        StringBuilder text = new StringBuilder();
        manifest.forEach((name, hash) -> text.append(name).append(':').append(hash).append('\n'));
        AtomicFiles.write(file, text.toString());
    }
}
