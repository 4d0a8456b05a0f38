package hermes.plugin.skills.internal.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The guard's checks of a skill directory's shape (reference §5): at most {@value #MAX_FILES} files,
 * {@value #MAX_TOTAL_KB} KB in all and {@value #MAX_FILE_KB} KB per file, no executables or libraries, no symlinks out of
 * the skill, no paths that climb out of it.
 */
final class StructureCheck {

    static final int MAX_FILES = 50;
    static final int MAX_TOTAL_KB = 1024;
    static final int MAX_FILE_KB = 256;
    static final Set<String> BINARY_EXTENSIONS = Set.of(".exe", ".dll", ".so", ".dylib", ".bin", ".dat", ".com",
            ".msi", ".dmg", ".app", ".deb", ".rpm");
    /** Scripts may carry the executable bit; anything else with it is odd. */
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of(".sh", ".bash", ".zsh", ".py", ".rb", ".pl", ".js",
            ".mjs", ".ts");
    private static final String DIRECTORY = "(directory)";

    private StructureCheck() {
    }

    static List<Finding> check(Path skillDirectory) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Path realRoot = skillDirectory.toRealPath();
        int files = 0;
        long totalBytes = 0;
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(skillDirectory)) {
            entries = walk.filter(path -> !path.equals(skillDirectory)).toList();
        }
        for (Path path : entries) {
            String relative = relative(skillDirectory, path);
            if (Files.isSymbolicLink(path)) {
                files++;
                findings.add(symlink(realRoot, path, relative));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                files++;
                long size = Files.size(path);
                totalBytes += size;
                if (size > MAX_FILE_KB * 1024L) {
                    findings.add(new Finding("oversized_file", Severity.MEDIUM, Category.STRUCTURAL, relative, 0,
                            size / 1024 + " KB", "a file over " + MAX_FILE_KB + " KB"));
                }
                findings.addAll(checkName(relative));
                if (executable(path) && !SCRIPT_EXTENSIONS.contains(extension(relative))) {
                    findings.add(new Finding("unexpected_executable", Severity.MEDIUM, Category.STRUCTURAL, relative,
                            0, "executable bit set", "an executable file that is not a script"));
                }
            }
        }
        if (files > MAX_FILES) {
            findings.add(new Finding("too_many_files", Severity.MEDIUM, Category.STRUCTURAL, DIRECTORY, 0,
                    files + " files", "more than " + MAX_FILES + " files"));
        }
        if (totalBytes > MAX_TOTAL_KB * 1024L) {
            findings.add(new Finding("oversized_skill", Severity.HIGH, Category.STRUCTURAL, DIRECTORY, 0,
                    totalBytes / 1024 + " KB total", "more than " + MAX_TOTAL_KB + " KB in all"));
        }
        return findings;
    }

    /** Checks of a file's relative path alone: traversal out of the skill and binary extensions. */
    static List<Finding> checkName(String relative) {
        List<Finding> findings = new ArrayList<>();
        String normalized = relative.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
                || List.of(normalized.split("/")).contains("..")) {
            findings.add(new Finding("path_traversal", Severity.CRITICAL, Category.TRAVERSAL, relative, 0, relative,
                    "a path that leaves the skill directory"));
        }
        String extension = extension(normalized);
        if (BINARY_EXTENSIONS.contains(extension)) {
            findings.add(new Finding("binary_file", Severity.CRITICAL, Category.STRUCTURAL, relative, 0,
                    "binary: " + extension, "an executable or library does not belong in a skill"));
        }
        return findings;
    }

    static List<Path> regularFiles(Path skillDirectory) throws IOException {
        try (Stream<Path> walk = Files.walk(skillDirectory)) {
            return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /** The path relative to the skill, with forward slashes on every platform. */
    static String relative(Path skillDirectory, Path path) {
        return skillDirectory.relativize(path).toString().replace('\\', '/');
    }

    private static Finding symlink(Path realRoot, Path link, String relative) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        if (!Files.exists(target)) {
            return new Finding("broken_symlink", Severity.MEDIUM, Category.TRAVERSAL, relative, 0,
                    "symlink -> " + target, "a symlink to nothing");
        }
        Path real = target.toRealPath();
        if (!real.startsWith(realRoot)) {
            return new Finding("symlink_escape", Severity.CRITICAL, Category.TRAVERSAL, relative, 0,
                    "symlink -> " + real, "a symlink that points out of the skill directory");
        }
        return new Finding("internal_symlink", Severity.LOW, Category.STRUCTURAL, relative, 0,
                "symlink -> " + realRoot.relativize(real), "a symlink inside the skill");
    }

    private static boolean executable(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }
}
