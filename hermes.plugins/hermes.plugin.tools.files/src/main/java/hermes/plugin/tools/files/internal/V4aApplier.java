package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import hermes.api.ToolResult;
import hermes.lib.textpatch.FuzzyReplace;
import hermes.lib.textpatch.UnifiedDiff;

/**
 * Applies a parsed {@link V4aPatch} in two phases: every operation is first worked out in memory, in order, so later
 * operations see earlier ones; only when all of them succeed are the files written. A patch that fails changes nothing.
 */
final class V4aApplier {

    private final Path workingDirectory;
    /** Each touched file's content after the patch so far; empty when the patch deletes it. */
    private final Map<Path, Optional<String>> after = new LinkedHashMap<>();
    /** Each touched file's content before the patch (a move destination: the moved content), for the diff. */
    private final Map<Path, String> before = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private final List<String> modified = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private final List<String> moved = new ArrayList<>();

    private V4aApplier(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    static ToolResult apply(String patch, Path workingDirectory) throws IOException {
        V4aApplier applier = new V4aApplier(workingDirectory);
        for (V4aPatch.Operation operation : V4aPatch.parse(patch)) {
            applier.simulate(operation);
        }
        if (!applier.errors.isEmpty()) {
            return Json.error("Patch validation failed (no files were modified):\n  - "
                    + String.join("\n  - ", applier.errors));
        }
        return applier.write();
    }

    private void simulate(V4aPatch.Operation operation) throws IOException {
        Path path = ToolPaths.resolve(operation.path(), workingDirectory);
        switch (operation) {
            case V4aPatch.Update update -> current(update.path(), path).ifPresent(content -> {
                String edited = content;
                for (int i = 0; i < update.hunks().size() && edited != null; i++) {
                    edited = applyHunk(update.path(), i + 1, edited, update.hunks().get(i));
                }
                if (edited != null) {
                    after.put(path, Optional.of(edited));
                    modified.add(update.path());
                }
            });
            case V4aPatch.Add add -> {
                if (exists(path)) {
                    errors.add(add.path() + ": the file already exists; use '*** Update File:' to change it");
                } else {
                    before.putIfAbsent(path, "");
                    after.put(path, Optional.of(add.content()));
                    created.add(add.path());
                }
            }
            case V4aPatch.Delete delete -> current(delete.path(), path).ifPresent(content -> {
                after.put(path, Optional.empty());
                deleted.add(delete.path());
            });
            case V4aPatch.Move move -> {
                Path destination = ToolPaths.resolve(move.destination(), workingDirectory);
                Optional<String> content = current(move.path(), path);
                if (exists(destination)) {
                    errors.add(move.destination() + ": the destination already exists; a move would overwrite it");
                } else if (content.isPresent()) {
                    after.put(path, Optional.empty());
                    before.put(destination, content.get());
                    after.put(destination, content);
                    moved.add(move.path() + " -> " + move.destination());
                }
            }
        }
    }

    /** The hunk applied to {@code content}, or null after recording why it does not apply. */
    private String applyHunk(String label, int number, String content, V4aPatch.Hunk hunk) {
        if (hunk.changesNothing()) {
            return content;
        }
        if (hunk.search().isEmpty()) {
            return insert(label, number, content, hunk);
        }
        return switch (FuzzyReplace.replace(content, String.join("\n", hunk.search()),
                String.join("\n", hunk.replacement()), false)) {
            case FuzzyReplace.Replaced replaced -> replaced.content();
            case FuzzyReplace.Failed failed -> {
                errors.add(label + ": hunk " + number + hint(hunk) + " does not apply: " + failed.message());
                yield null;
            }
        };
    }

    /** A hunk that only adds lines goes after the one line holding its {@code @@} hint, or at the end without one. */
    private String insert(String label, int number, String content, V4aPatch.Hunk hunk) {
        String added = String.join("\n", hunk.replacement());
        if (hunk.hint().isEmpty()) {
            return content.isEmpty() || content.endsWith("\n") ? content + added + "\n" : content + "\n" + added;
        }
        // where each line holding the hint ends, before its line break
        List<Integer> holders = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= content.length()) {
            int lineEnd = content.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? content.length() : lineEnd;
            if (content.substring(lineStart, lineEnd).contains(hunk.hint().get())) {
                holders.add(lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        if (holders.size() != 1) {
            errors.add(label + ": hunk " + number + " only adds lines, so it is placed by its hint '" + hunk.hint().get()
                    + "', which " + (holders.isEmpty() ? "is not in the file" : "is on " + holders.size()
                    + " lines; make it unique") + ", or add context lines around the addition");
            return null;
        }
        int end = holders.getFirst();
        return content.substring(0, end) + "\n" + added + content.substring(end);
    }

    private static String hint(V4aPatch.Hunk hunk) {
        return hunk.hint().map(text -> " ('" + text + "')").orElse("");
    }

    /** The file as the patch has left it so far, or empty after recording that it is missing or unreadable. */
    private Optional<String> current(String label, Path path) throws IOException {
        if (after.containsKey(path)) {
            if (after.get(path).isEmpty()) {
                errors.add(label + ": an earlier part of this patch deletes or moves that file");
            }
            return after.get(path);
        }
        try {
            String content = TextFiles.readForEdit(label, path);
            before.put(path, content);
            return Optional.of(content);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return Optional.empty();
        }
    }

    private boolean exists(Path path) {
        return after.containsKey(path) ? after.get(path).isPresent() : Files.exists(path);
    }

    private ToolResult write() throws IOException {
        StringBuilder diff = new StringBuilder();
        for (Map.Entry<Path, Optional<String>> entry : after.entrySet()) {
            Path path = entry.getKey();
            if (entry.getValue().isPresent()) {
                String content = entry.getValue().get();
                AtomicFiles.write(path, content.getBytes(StandardCharsets.UTF_8));
                diff.append(UnifiedDiff.of(ToolPaths.display(path, workingDirectory), before.getOrDefault(path, ""),
                        content));
            } else {
                Files.deleteIfExists(path);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("created", created);
        result.put("modified", modified);
        result.put("deleted", deleted);
        result.put("moved", moved);
        result.put("diff", diff.toString());
        return Json.ok(result);
    }
}
