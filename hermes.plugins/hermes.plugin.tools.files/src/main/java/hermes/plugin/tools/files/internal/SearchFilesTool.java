package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code search_files}: grep file contents by regular expression, or find files by name. */
@Component(service = Tool.class, property = "hermes.id=search_files")
public final class SearchFilesTool implements Tool {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final int MAX_CONTEXT_LINES = 10;

    private static final ToolSpec SPEC = ToolSpec.of("search_files", "file", """
            Search files. target=content (default): find lines matching a regular expression in text files under \
            path; output_mode=content lists the matching lines (with 'context' lines around them), files_only lists \
            the files that match, count gives matches per file; file_glob narrows which files are searched. \
            target=files: find files whose name matches a glob such as '*.py' (a plain word matches names \
            containing it). .git and node_modules are skipped, and .gitignore is honoured when ripgrep is installed. \
            Results are paged: use limit and offset, and read the hint when the result says truncated.""",
            """
            {"type":"object","properties":{\
            "pattern":{"type":"string","description":"target=content: a regular expression; target=files: a file-name glob such as *.java or a plain word"},\
            "target":{"type":"string","enum":["content","files"],"description":"content (default) searches inside files; files searches file names"},\
            "path":{"type":"string","description":"Directory (or file) to search; the working directory when omitted"},\
            "file_glob":{"type":"string","description":"target=content: only search files matching this glob, e.g. *.py or src/**/*.ts"},\
            "limit":{"type":"integer","minimum":1,"maximum":1000,"description":"Most results to return (default 50)"},\
            "offset":{"type":"integer","minimum":0,"description":"Results to skip, for the next page (default 0)"},\
            "output_mode":{"type":"string","enum":["content","files_only","count"],"description":"target=content: content (default) = matching lines, files_only = file paths, count = matches per file"},\
            "context":{"type":"integer","minimum":0,"maximum":10,"description":"target=content, output_mode=content: lines to show before and after each match (default 0)"}\
            },"required":["pattern"]}""");

    private final Supplier<Searcher> searchers;

    /** Uses ripgrep when it is on the PATH at the time of the call, the Java search otherwise. */
    public SearchFilesTool() {
        this(() -> RipgrepSearcher.locate().<Searcher>map(RipgrepSearcher::new).orElseGet(JavaSearcher::new));
    }

    SearchFilesTool(Supplier<Searcher> searchers) {
        this.searchers = searchers;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
        try {
            Arguments arguments = Arguments.of(call);
            String pattern = arguments.requiredString("pattern");
            String target = arguments.choice("target", "content", "files");
            String pathArgument = arguments.optionalString("path").filter(path -> !path.isBlank()).orElse(".");
            Path root = ToolPaths.resolve(pathArgument, context.workingDirectory());
            SearchPage page = new SearchPage(
                    Math.max(0, arguments.integer("offset", 0)),
                    Math.min(MAX_LIMIT, Math.max(1, arguments.integer("limit", DEFAULT_LIMIT))),
                    context.workingDirectory());
            if (!Files.exists(root)) {
                return Json.error(SimilarNames.missingFileMessage(pathArgument, root).replace("file not found",
                        "path not found"));
            }
            Searcher searcher = searchers.get();
            if (target.equals("files")) {
                Predicate<Path> matches = Globs.matcher(Globs.forNameSearch(pattern), root);
                return Json.ok(page.files(searcher.listFiles(root, context).stream().filter(matches).toList()));
            }
            String mode = arguments.choice("output_mode", "content", "files_only", "count");
            int contextLines = mode.equals("content")
                    ? Math.min(MAX_CONTEXT_LINES, Math.max(0, arguments.integer("context", 0))) : 0;
            Optional<String> fileGlob = arguments.optionalString("file_glob").filter(glob -> !glob.isBlank());
            Map<String, Object> result = switch (mode) {
                case "content" -> {
                    SearchPage.ContentCollector collector = page.contentCollector(contextLines);
                    searcher.searchContent(root, pattern, fileGlob, contextLines, context, collector);
                    yield collector.result();
                }
                case "files_only" -> {
                    SearchPage.FileCollector collector = page.fileCollector();
                    searcher.searchContent(root, pattern, fileGlob, 0, context, collector);
                    yield collector.filesResult();
                }
                default -> {
                    SearchPage.FileCollector collector = page.fileCollector();
                    searcher.searchContent(root, pattern, fileGlob, 0, context, collector);
                    yield collector.countResult();
                }
            };
            return Json.ok(result);
        } catch (IllegalArgumentException e) {
            return Json.error(e.getMessage());
        } catch (IOException e) {
            return Json.error("search failed: " + e);
        }
    }

}
