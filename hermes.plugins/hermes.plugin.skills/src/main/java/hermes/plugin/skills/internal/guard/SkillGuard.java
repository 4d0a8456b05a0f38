package hermes.plugin.skills.internal.guard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skills guard: a static scan of a skill for threats before it is installed or written (reference §5). Every text
 * file is matched line by line against {@link GuardPatterns} and checked for invisible Unicode; the directory itself
 * goes through {@link StructureCheck}. {@code .skillignore} (or {@code .clawhubignore}) exempts files from the text scan
 * only — never {@code SKILL.md}, and never from the structural checks, so it cannot hide a binary or a symlink.
 *
 * <p>Threading: stateless; any thread.
 */
public final class SkillGuard {

    /** The invisible and direction-changing characters used to hide text from a reader (17 code points). */
    static final Map<Character, String> INVISIBLE = Map.ofEntries(
            Map.entry('\u200B', "zero-width space"), Map.entry('\u200C', "zero-width non-joiner"),
            Map.entry('\u200D', "zero-width joiner"), Map.entry('\u2060', "word joiner"),
            Map.entry('\u2062', "invisible times"), Map.entry('\u2063', "invisible separator"),
            Map.entry('\u2064', "invisible plus"), Map.entry('\uFEFF', "zero-width no-break space"),
            Map.entry('\u202A', "left-to-right embedding"), Map.entry('\u202B', "right-to-left embedding"),
            Map.entry('\u202C', "pop directional formatting"), Map.entry('\u202D', "left-to-right override"),
            Map.entry('\u202E', "right-to-left override"), Map.entry('\u2066', "left-to-right isolate"),
            Map.entry('\u2067', "right-to-left isolate"), Map.entry('\u2068', "first strong isolate"),
            Map.entry('\u2069', "pop directional isolate"));

    /** Files larger than this are not read for the text scan; the structural size check reports them instead. */
    private static final long MAX_SCANNED_BYTES = 1024 * 1024;

    private SkillGuard() {
    }

    /** Scans a skill directory: structure, then every text file not exempted by {@code .skillignore}. */
    public static ScanReport scanDirectory(Path skillDirectory) throws IOException {
        List<Finding> findings = new ArrayList<>(StructureCheck.check(skillDirectory));
        IgnoreRules ignore = IgnoreRules.read(skillDirectory);
        for (Path file : StructureCheck.regularFiles(skillDirectory)) {
            String relative = StructureCheck.relative(skillDirectory, file);
            if (ignore.ignores(relative) || Files.size(file) > MAX_SCANNED_BYTES) {
                continue;
            }
            Optional<String> text = decode(Files.readAllBytes(file));
            if (text.isPresent()) {
                findings.addAll(scanText(relative, text.get()));
            }
        }
        return new ScanReport(skillDirectory.getFileName().toString(), findings);
    }

    /**
     * Scans one file's planned content (an agent write): the line patterns, invisible Unicode and, by its name, the
     * binary-extension check.
     */
    public static List<Finding> scanFile(String relativePath, String content) {
        List<Finding> findings = new ArrayList<>(StructureCheck.checkName(relativePath));
        findings.addAll(scanText(relativePath, content));
        return findings;
    }

    /** The line patterns and invisible Unicode of one text; one finding per pattern per line. */
    public static List<Finding> scanText(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            for (GuardPattern pattern : GuardPatterns.ALL) {
                if (pattern.matches(line)) {
                    findings.add(new Finding(pattern.id(), pattern.severity(), pattern.category(), file, number, line,
                            pattern.description()));
                }
            }
            invisible(line).ifPresent(c -> findings.add(new Finding("invisible_unicode", Severity.HIGH,
                    Category.INJECTION, file, number, String.format(Locale.ROOT, "U+%04X (%s)", (int) c,
                    INVISIBLE.get(c)), "an invisible character that can hide text from a reader")));
        }
        return findings;
    }

    private static Optional<Character> invisible(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (INVISIBLE.containsKey(line.charAt(i))) {
                return Optional.of(line.charAt(i));
            }
        }
        return Optional.empty();
    }

    /** The bytes as UTF-8 text, or empty for binary content (which the structural check judges by name). */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Exemptions from the text scan, read from {@code .skillignore} or {@code .clawhubignore}. */
    record IgnoreRules(List<String> globs) {

        private static final Set<String> FILES = Set.of(".skillignore", ".clawhubignore");

        static IgnoreRules read(Path skillDirectory) throws IOException {
            List<String> globs = new ArrayList<>();
            for (String name : FILES) {
                Path file = skillDirectory.resolve(name);
                if (Files.isRegularFile(file)) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        String glob = line.strip();
                        if (!glob.isEmpty() && !glob.startsWith("#")) {
                            globs.add(glob);
                        }
                    }
                }
            }
            return new IgnoreRules(List.copyOf(new HashSet<>(globs)));
        }

        /**
         * gitignore-like: {@code name} or {@code *.ext} matches the file name anywhere, {@code dir/} everything
         * under that directory, a pattern with a slash the relative path. SKILL.md is always scanned.
         */
        boolean ignores(String relativePath) {
            if (relativePath.equals("SKILL.md")) {
                return false;
            }
            String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            for (String glob : globs) {
                String pattern = glob.startsWith("/") ? glob.substring(1) : glob;
                if (pattern.endsWith("/")) {
                    if (relativePath.startsWith(pattern) || relativePath.contains("/" + pattern)) {
                        return true;
                    }
                } else if (pattern.contains("/") ? matches(pattern, relativePath) : matches(pattern, fileName)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(String glob, String text) {
            return java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(text));
        }
    }
}
