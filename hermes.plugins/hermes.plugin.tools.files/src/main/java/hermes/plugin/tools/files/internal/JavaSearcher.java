package hermes.plugin.tools.files.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import hermes.api.ToolContext;

/** The search without ripgrep: a sorted walk that does not follow links, and {@link java.util.regex} per line. */
final class JavaSearcher implements Searcher {

    /** Directories that are never worth searching and can be huge. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules");

    @Override
    public List<Path> listFiles(Path root, ToolContext context) throws IOException {
        List<Path> files = new ArrayList<>();
        walk(root, context, files::add);
        return files;
    }

    @Override
    public void searchContent(Path root, String pattern, Optional<String> fileGlob, int contextLines,
                              ToolContext context, Consumer<FileHits> sink) throws IOException {
        Pattern regex;
        try {
            regex = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
        Predicate<Path> wanted = fileGlob.map(glob -> Globs.matcher(glob, root)).orElse(file -> true);
        List<Path> files = new ArrayList<>();
        walk(root, context, files::add);
        for (Path file : files) {
            if (context.isCancelled()) {
                return;
            }
            if (!wanted.test(file)) {
                continue;
            }
            try {
                if (FileChecks.isBinary(file)) {
                    continue;
                }
                List<HitLine> hits = grep(file, regex.matcher(""), contextLines);
                if (!hits.isEmpty()) {
                    sink.accept(new FileHits(file, hits));
                }
            } catch (AccessDeniedException e) {
                // like ripgrep: an unreadable file is skipped, the search goes on
            }
        }
    }

    private static List<HitLine> grep(Path file, Matcher matcher, int contextLines) throws IOException {
        List<HitLine> hits = new ArrayList<>();
        Deque<HitLine> before = new ArrayDeque<>();
        int afterLeft = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (matcher.reset(line).find()) {
                    hits.addAll(before);
                    before.clear();
                    hits.add(new HitLine(number, line, true));
                    afterLeft = contextLines;
                } else if (afterLeft > 0) {
                    hits.add(new HitLine(number, line, false));
                    afterLeft--;
                } else if (contextLines > 0) {
                    before.addLast(new HitLine(number, line, false));
                    if (before.size() > contextLines) {
                        before.removeFirst();
                    }
                }
            }
        }
        return hits;
    }

    /** The root is followed even when it is a link (it was named on purpose); links below it are not. */
    private static void walk(Path root, ToolContext context, Consumer<Path> files) throws IOException {
        if (Files.isRegularFile(root)) {
            files.accept(root);
        } else if (Files.isDirectory(root)) {
            walkDirectory(root, context, files);
        }
    }

    private static void walkDirectory(Path directory, ToolContext context, Consumer<Path> files) throws IOException {
        if (context.isCancelled()) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted().toList();
        } catch (AccessDeniedException e) {
            return;
        }
        for (Path entry : entries) {
            if (SKIPPED_DIRECTORIES.contains(entry.getFileName().toString())) {
                continue;
            }
            if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                files.accept(entry);
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                walkDirectory(entry, context, files);
            }
        }
    }
}
