package hermes.runtime.internal.scanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the one project context file of a working directory (reference §4): {@code .hermes.md} or {@code HERMES.md} in
 * the directory or any parent up to the git root, else {@code AGENTS.md}, {@code CLAUDE.md}, {@code .cursorrules} or
 * {@code .cursor/rules/*.mdc} in the directory itself. The first match wins; its text is scanned and truncated by
 * {@link ContextFiles#sanitize} before it can reach a prompt.
 */
public final class ContextFileFinder {

    /** A loaded context file: where it was found and the text the prompt may carry (or its {@code [BLOCKED: …]} line). */
    public record ContextFile(Path path, String text) {
    }

    private static final List<String> HERMES_NAMES = List.of(".hermes.md", "HERMES.md");
    private static final List<String> CWD_NAMES = List.of("AGENTS.md", "CLAUDE.md", ".cursorrules");

    private ContextFileFinder() {
    }

    /** The context file for {@code workingDirectory}, sanitised; empty when there is none or it cannot be read. */
    public static Optional<ContextFile> find(Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            for (String name : HERMES_NAMES) {
                Optional<ContextFile> found = load(dir.resolve(name));
                if (found.isPresent()) {
                    return found;
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        for (String name : CWD_NAMES) {
            Optional<ContextFile> found = load(cwd.resolve(name));
            if (found.isPresent()) {
                return found;
            }
        }
        return cursorRules(cwd.resolve(".cursor").resolve("rules"));
    }

    /** {@code .cursor/rules/*.mdc} are one context together, in name order. */
    private static Optional<ContextFile> cursorRules(Path rules) {
        if (!Files.isDirectory(rules)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".mdc")).sorted().toList()) {
                parts.add(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String text = String.join("\n\n", parts).strip();
        return text.isEmpty() ? Optional.empty()
                : Optional.of(new ContextFile(rules, ContextFiles.sanitize(".cursor/rules", text)));
    }

    private static Optional<ContextFile> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ContextFile(file, ContextFiles.sanitize(file.getFileName().toString(), text.strip())));
        } catch (IOException | RuntimeException e) {
            // unreadable or not UTF-8: leave it out rather than fail the session
            System.getLogger(ContextFileFinder.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read context file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
