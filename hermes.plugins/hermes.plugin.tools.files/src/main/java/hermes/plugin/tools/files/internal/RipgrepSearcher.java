package hermes.plugin.tools.files.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ToolContext;

/** The search with ripgrep ({@code rg --json}); the Java side only parses and filters what rg reports. */
final class RipgrepSearcher implements Searcher {

    private static final int MAX_STDERR_CHARS = 2000;

    private final Path executable;

    RipgrepSearcher(Path executable) {
        this.executable = executable;
    }

    /** The {@code rg} executable on the PATH, if there is one. */
    static Optional<Path> locate() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : List.of("rg", "rg.exe")) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Path> listFiles(Path root, ToolContext context) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        run(command(root, List.of("--files"), Optional.empty()), root, context, line -> files.add(Path.of(line)));
        return files;
    }

    @Override
    public void searchContent(Path root, String pattern, Optional<String> fileGlob, int contextLines,
                              ToolContext context, Consumer<FileHits> sink) throws IOException, InterruptedException {
        // The glob is passed to rg to save work and applied again here, so both searchers agree on what it means.
        Predicate<Path> wanted = fileGlob.map(glob -> Globs.matcher(glob, root)).orElse(file -> true);
        List<String> options = new ArrayList<>(List.of("--json", "--context", String.valueOf(contextLines)));
        List<HitLine> hits = new ArrayList<>();
        run(command(root, options, fileGlob, "--regexp", pattern), root, context, line -> {
            JsonNode message = Json.read(line);
            String type = message.path("type").asText();
            JsonNode data = message.path("data");
            switch (type) {
                case "begin" -> hits.clear();
                case "match", "context" -> hits.add(new HitLine(data.path("line_number").asLong(),
                        stripLineBreak(text(data.path("lines"))), type.equals("match")));
                case "end" -> {
                    Path file = Path.of(text(data.path("path")));
                    if (hits.stream().anyMatch(HitLine::match) && wanted.test(file)) {
                        sink.accept(new FileHits(file, hits));
                    }
                    hits.clear();
                }
                default -> {
                    // "summary" and future message types carry nothing search_files reports
                }
            }
        });
    }

    private List<String> command(Path root, List<String> options, Optional<String> fileGlob, String... tail) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--no-config", "--sort", "path",
                "--hidden"));
        command.addAll(options);
        fileGlob.ifPresent(glob -> command.addAll(List.of("--glob", glob)));
        // Excludes go last: with rg the last matching glob wins.
        for (String skipped : JavaSearcher.SKIPPED_DIRECTORIES) {
            command.addAll(List.of("--glob", "!" + skipped));
        }
        command.addAll(List.of(tail));
        command.addAll(List.of("--", root.toString()));
        return command;
    }

    private static void run(List<String> command, Path root, ToolContext context, Consumer<String> lines)
            throws IOException, InterruptedException {
        // rg matches a glob with a '/' against paths below its own working directory, not below the searched path.
        Path directory = Files.isDirectory(root) ? root : root.getParent();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        context.track(process.toHandle());
        context.onCancel(process::destroy);
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()),
                runnable -> Thread.ofVirtual().start(runnable));
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
            // rg exits 1 when nothing matched; 2 means a real error, such as a bad regular expression.
            if (process.waitFor() == 2 && !context.isCancelled()) {
                String message = errors.join().strip();
                if (message.contains("regex")) {
                    throw new IllegalArgumentException("the pattern is not a valid regular expression: " + message);
                }
                if (message.lines().anyMatch(warning -> !isSkippableWarning(warning))) {
                    throw new IOException("rg failed: " + message);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** rg reports unreadable files and exits 2, yet still searched the rest, which is what the Java walk does too. */
    private static boolean isSkippableWarning(String line) {
        return line.contains("Permission denied") || line.contains("No such file or directory");
    }

    private static String drain(InputStream stream) {
        try (stream) {
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return text.length() > MAX_STDERR_CHARS ? text.substring(0, MAX_STDERR_CHARS) : text;
        } catch (IOException e) {
            return "";
        }
    }

    /** rg gives UTF-8 text as {@code {"text": ...}} and anything else as {@code {"bytes": base64}}. */
    private static String text(JsonNode node) {
        if (node.has("text")) {
            return node.path("text").asText();
        }
        return new String(Base64.getDecoder().decode(node.path("bytes").asText()), StandardCharsets.UTF_8);
    }

    private static String stripLineBreak(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
