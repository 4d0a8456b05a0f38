package hermes.plugin.tools.files.internal;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * File-name globs as search_files understands them: a glob without {@code /} is matched against the file name at any
 * depth ({@code *.py}), one with {@code /} against the path below the search root ({@code src/**}{@code /*.java}).
 */
final class Globs {

    private Globs() {
    }

    /** @throws IllegalArgumentException when the glob is malformed */
    static Predicate<Path> matcher(String glob, Path root) {
        try {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (glob.contains("/")) {
                return file -> matcher.matches(root.relativize(file));
            }
            return file -> file.getFileName() != null && matcher.matches(file.getFileName());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + glob + "' is not a valid glob: " + e.getDescription());
        }
    }

    /** A name search without wildcards means "names containing this". */
    static String forNameSearch(String pattern) {
        return pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0) ? pattern : "*" + pattern + "*";
    }
}
