package hermes.plugin.tools.files.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns what a {@link Searcher} found into one page of search_files results, the same whichever searcher ran: counts
 * everything, keeps only the page, and says how to get the next one.
 */
final class SearchPage {

    /** Matched lines longer than this are cut: the model needs to recognise the line, not read all of it. */
    static final int MAX_TEXT_CHARS = 500;

    private final int offset;
    private final int limit;
    private final Path workingDirectory;

    SearchPage(int offset, int limit, Path workingDirectory) {
        this.offset = offset;
        this.limit = limit;
        this.workingDirectory = workingDirectory;
    }

    /** target=files: {@code {"files": [...], "total": N, "truncated": bool}}. */
    Map<String, Object> files(List<Path> files) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", page(files).stream().map(this::display).toList());
        return finish(result, files.size(), "files");
    }

    ContentCollector contentCollector(int contextLines) {
        return new ContentCollector(contextLines);
    }

    FileCollector fileCollector() {
        return new FileCollector();
    }

    /** output_mode=content: matching lines of the page, each followed or preceded by its context lines. */
    final class ContentCollector implements Consumer<Searcher.FileHits> {
        private final int contextLines;
        private final List<Map<String, Object>> entries = new ArrayList<>();
        private int matches;

        private ContentCollector(int contextLines) {
            this.contextLines = contextLines;
        }

        @Override
        public void accept(Searcher.FileHits hits) {
            List<Long> selected = new ArrayList<>();
            for (Searcher.HitLine line : hits.lines()) {
                if (line.match()) {
                    if (matches >= offset && matches < offset + limit) {
                        selected.add(line.number());
                    }
                    matches++;
                }
            }
            for (Searcher.HitLine line : hits.lines()) {
                boolean wanted = line.match() ? selected.contains(line.number())
                        : selected.stream().anyMatch(number -> Math.abs(number - line.number()) <= contextLines);
                if (wanted) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", display(hits.file()));
                    entry.put("line", line.number());
                    entry.put("text", cut(line.text()));
                    if (!line.match()) {
                        entry.put("context", true);
                    }
                    entries.add(entry);
                }
            }
        }

        /** {@code {"matches": [...], "total": N, "truncated": bool}}; context lines carry {@code "context": true}. */
        Map<String, Object> result() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("matches", entries);
            return finish(result, matches, "matches");
        }
    }

    /** output_mode=files_only and count: one entry per file that matched. */
    final class FileCollector implements Consumer<Searcher.FileHits> {
        private final List<Searcher.FileHits> files = new ArrayList<>();
        private long matches;

        private FileCollector() {
        }

        @Override
        public void accept(Searcher.FileHits hits) {
            files.add(hits);
            matches += hits.matchCount();
        }

        /** {@code {"files": [...], "total": N, "truncated": bool}}, N being the number of files that matched. */
        Map<String, Object> filesResult() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("files", page(files).stream().map(hits -> display(hits.file())).toList());
            return finish(result, files.size(), "files");
        }

        /**
         * {@code {"counts": [{"path", "count"}], "total": N, "total_files": F, "truncated": bool}}: matching lines per
         * file, N of them in F files in all.
         */
        Map<String, Object> countResult() {
            Map<String, Object> result = new LinkedHashMap<>();
            List<Map<String, Object>> counts = new ArrayList<>();
            for (Searcher.FileHits hits : page(files)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", display(hits.file()));
                entry.put("count", hits.matchCount());
                counts.add(entry);
            }
            result.put("counts", counts);
            result.put("total", matches);
            result.put("total_files", files.size());
            boolean truncated = offset + limit < files.size();
            result.put("truncated", truncated);
            if (truncated) {
                result.put("hint", nextPageHint(files.size(), "files"));
            }
            return result;
        }
    }

    private <T> List<T> page(List<T> all) {
        return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    }

    private Map<String, Object> finish(Map<String, Object> result, long total, String what) {
        result.put("total", total);
        boolean truncated = offset + limit < total;
        result.put("truncated", truncated);
        if (truncated) {
            result.put("hint", nextPageHint(total, what));
        } else if (total > 0 && offset >= total) {
            result.put("hint", "offset " + offset + " is past the last of the " + total + " " + what
                    + "; use a smaller offset");
        }
        return result;
    }

    private String nextPageHint(long total, String what) {
        return "Showing " + what + " " + (offset + 1) + "-" + (offset + limit) + " of " + total
                + ". Call again with offset=" + (offset + limit) + " for more, or narrow the search.";
    }

    private String display(Path file) {
        return ToolPaths.display(file.toAbsolutePath().normalize(), workingDirectory);
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) + " ..." : text;
    }
}
