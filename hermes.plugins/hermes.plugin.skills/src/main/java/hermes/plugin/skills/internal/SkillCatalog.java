package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Finds the installed skills: {@code <root>/<category…>/<name>/SKILL.md} under the local root, then under each
 * external root; the first skill of a name wins, so local skills shadow external ones. A folder holding a
 * {@code DESCRIPTION.md} describes its category; folders starting with a dot ({@code .hub}, {@code .archive}) are
 * skipped, and nothing below a skill's own directory is searched.
 *
 * <p>The listing is cached: it is reused while every folder visited and every file read has the same file key,
 * modification time and size as when it was read, which costs a few stat calls instead of parsing every SKILL.md.
 *
 * <p>Threading: any thread. Readers check a cached listing without a lock (a gateway opens sessions from many threads at
 * once); only a rebuild is serialised.
 */
final class SkillCatalog {

    private static final System.Logger LOG = System.getLogger(SkillCatalog.class.getName());
    /** Deep enough for nested categories, shallow enough to stop a symlink loop. */
    private static final int MAX_DEPTH = 8;

    /**
     * What the catalog found.
     *
     * @param skills every skill, shadowed ones removed, ordered by category then name
     * @param categories category path to its DESCRIPTION.md description
     * @param problems SKILL.md files left out, with the reason
     */
    record Listing(List<Skill> skills, Map<String, String> categories, List<String> problems) {
        Listing {
            skills = List.copyOf(skills);
            categories = Map.copyOf(categories);
            problems = List.copyOf(problems);
        }

        Optional<Skill> find(String name) {
            return skills.stream().filter(skill -> skill.name().equals(name)).findFirst()
                    .or(() -> skills.stream().filter(skill -> skill.directory().getFileName().toString().equals(name))
                            .findFirst());
        }
    }

    private final Path localRoot;
    private final Supplier<List<Path>> externalRoots;
    /** A listing with the roots it was built from and the stamps of what it read. */
    private record Cached(Listing listing, List<Path> roots, Map<Path, List<Object>> stamps) {
    }

    private volatile Cached cached;

    SkillCatalog(Path localRoot, Supplier<List<Path>> externalRoots) {
        this.localRoot = localRoot;
        this.externalRoots = externalRoots;
    }

    Path localRoot() {
        return localRoot;
    }

    Listing list() throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(localRoot);
        roots.addAll(externalRoots.get());
        Cached current = cached;
        if (current != null && roots.equals(current.roots()) && unchanged(current.stamps())) {
            return current.listing();
        }
        return rebuild(roots);
    }

    private synchronized Listing rebuild(List<Path> roots) throws IOException {
        Cached current = cached;
        if (current != null && roots.equals(current.roots()) && unchanged(current.stamps())) {
            return current.listing(); // another thread rebuilt it meanwhile
        }
        Map<Path, List<Object>> seen = new LinkedHashMap<>();
        Map<String, Skill> byName = new LinkedHashMap<>();
        Map<String, String> categories = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            Path root = roots.get(i);
            Skill.Origin origin = i == 0 ? Skill.Origin.LOCAL : Skill.Origin.EXTERNAL;
            seen.put(root, stamp(root));
            if (Files.isDirectory(root)) {
                walk(root, root, 0, origin, new Scan(seen, byName, categories, problems));
            }
        }
        List<Skill> skills = new ArrayList<>(byName.values());
        skills.sort((a, b) -> a.category().equals(b.category()) ? a.name().compareTo(b.name())
                : a.category().compareTo(b.category()));
        Listing listing = new Listing(skills, categories, problems);
        cached = new Cached(listing, List.copyOf(roots), seen);
        return listing;
    }

    Optional<Skill> find(String name) throws IOException {
        return list().find(name);
    }

    /** Drops the cache, for writers that changed a file within the timestamp granularity. */
    synchronized void invalidate() {
        cached = null; // after a rebuild in progress, so that rebuild's (possibly older) listing is dropped too
    }

    private record Scan(Map<Path, List<Object>> seen, Map<String, Skill> byName, Map<String, String> categories,
                        List<String> problems) {
    }

    private void walk(Path root, Path directory, int depth, Skill.Origin origin, Scan scan) throws IOException {
        scan.seen().put(directory, stamp(directory));
        Path skillFile = directory.resolve("SKILL.md");
        if (!directory.equals(root) && Files.isRegularFile(skillFile)) {
            scan.seen().put(skillFile, stamp(skillFile));
            read(root, directory, origin, scan);
            return;
        }
        Path description = directory.resolve("DESCRIPTION.md");
        if (!directory.equals(root) && Files.isRegularFile(description)) {
            scan.seen().put(description, stamp(description));
            categoryDescription(description).ifPresent(text -> scan.categories().putIfAbsent(
                    category(root, directory), text));
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".") && Files.isDirectory(entry)) {
                    children.add(entry);
                }
            }
        }
        children.sort(null);
        for (Path child : children) {
            walk(root, child, depth + 1, origin, scan);
        }
    }

    private void read(Path root, Path directory, Skill.Origin origin, Scan scan) {
        Path file = directory.resolve("SKILL.md");
        try {
            SkillDocument document = SkillDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
            SkillManifest manifest = SkillManifest.read(document, directory.getFileName().toString());
            String category = category(root, directory.getParent());
            if (category.isEmpty()) {
                category = manifest.category().orElse("");
            }
            Skill skill = new Skill(manifest.name(), manifest.description(), category, directory, origin, manifest);
            Skill earlier = scan.byName().putIfAbsent(skill.name(), skill);
            if (earlier != null && earlier.origin() == origin) {
                scan.problems().add(file + ": another skill is also named '" + skill.name() + "' (" + earlier.file()
                        + "), so this one is hidden; rename one of them");
            }
        } catch (IOException | IllegalArgumentException e) {
            String problem = file + ": left out of the skills list: " + e.getMessage();
            scan.problems().add(problem);
            LOG.log(System.Logger.Level.WARNING, problem);
        }
    }

    private static Optional<String> categoryDescription(Path file) {
        try {
            SkillDocument document = SkillDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
            return SkillManifest.text(document.frontMatter().get("description"));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String category(Path root, Path directory) {
        return root.relativize(directory).toString().replace('\\', '/');
    }

    private static boolean unchanged(Map<Path, List<Object>> stamps) {
        for (Map.Entry<Path, List<Object>> entry : stamps.entrySet()) {
            if (!entry.getValue().equals(stamp(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** File key, modification time and size: an atomic replace changes the key even within one clock tick. */
    private static List<Object> stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return List.of("absent");
        }
    }
}
