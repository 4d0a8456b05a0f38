package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import hermes.api.ToolContext;

/**
 * Walks and greps a directory tree for search_files. Two implementations give the same answers: ripgrep when it is
 * installed (fast, and it honours .gitignore) and a plain Java walk otherwise. Both skip {@code .git} and
 * {@code node_modules}, visit directories in name order, and report files in that order.
 */
interface Searcher {

    /** Every file under {@code root} (or {@code root} itself when it is a file), in walk order. */
    List<Path> listFiles(Path root, ToolContext context) throws IOException, InterruptedException;

    /**
     * Hands {@code sink} the matching lines of every text file under {@code root} whose name fits {@code fileGlob},
     * file by file in walk order, each with up to {@code contextLines} lines around every match.
     *
     * @throws IllegalArgumentException when the pattern is not a valid regular expression
     */
    void searchContent(Path root, String pattern, Optional<String> fileGlob, int contextLines, ToolContext context,
                       Consumer<FileHits> sink) throws IOException, InterruptedException;

    /** The lines of one file that matched, with their context lines, in line order. */
    record FileHits(Path file, List<HitLine> lines) {
        public FileHits {
            lines = List.copyOf(lines);
        }

        long matchCount() {
            return lines.stream().filter(HitLine::match).count();
        }
    }

    /** One reported line: a match, or context around one. */
    record HitLine(long number, String text, boolean match) {
    }
}
