package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code read_file}: a page of a text file with numbered lines. */
@Component(service = Tool.class, property = "hermes.id=read_file")
public final class ReadFileTool implements Tool {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 2000;
    static final int MAX_LINE_CHARS = 2000;
    static final String MAX_CHARS_KEY = "file_read_max_chars";
    static final int DEFAULT_MAX_CHARS = 100_000;

    private static final ToolSpec SPEC = ToolSpec.of("read_file", "file", """
            Read a text file. Each output line is the line number right-aligned to 6 columns, a '|', then the line \
            (the number and '|' are not part of the file: leave them out of patch old_string). Reads 500 lines from \
            offset by default; when the result says truncated, call again with the offset it suggests. Lines over \
            2000 characters are cut. Binary files are refused. Use search_files to find files or text first.""",
            """
            {"type":"object","properties":{\
            "path":{"type":"string","description":"File to read: absolute, relative to the working directory, or ~/..."},\
            "offset":{"type":"integer","minimum":1,"description":"1-based line number to start at (default 1)"},\
            "limit":{"type":"integer","minimum":1,"maximum":2000,"description":"How many lines to return (default 500, at most 2000)"}\
            },"required":["path"]}""");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        try {
            Arguments arguments = Arguments.of(call);
            String argument = arguments.requiredString("path");
            Path file = ToolPaths.resolve(argument, context.workingDirectory());
            int offset = Math.max(1, arguments.integer("offset", 1));
            int limit = Math.min(MAX_LIMIT, Math.max(1, arguments.integer("limit", DEFAULT_LIMIT)));
            if (Files.isDirectory(file)) {
                return Json.error(argument + " is a directory, not a file; use search_files with target=files and path="
                        + argument + " to see what is in it");
            }
            if (!Files.exists(file)) {
                return Json.error(SimilarNames.missingFileMessage(argument, file));
            }
            if (FileChecks.isBinary(file)) {
                return Json.error(argument + " is a binary file (it contains NUL bytes); read_file only reads text");
            }
            return page(file, offset, limit, maxChars(context));
        } catch (IllegalArgumentException e) {
            return Json.error(e.getMessage());
        } catch (IOException e) {
            return Json.error("cannot read the file: " + e);
        }
    }

    private static ToolResult page(Path file, int offset, int limit, int maxChars) throws IOException {
        StringBuilder content = new StringBuilder();
        int returned = 0;
        boolean cutByChars = false;
        int lineNumber = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            LineScanner lines = new LineScanner(reader, MAX_LINE_CHARS);
            while (lines.next()) {
                lineNumber++;
                if (lineNumber < offset || returned >= limit || cutByChars) {
                    continue;
                }
                String numbered = String.format("%6d|%s", lineNumber, lines.text())
                        + (lines.fullLength() > MAX_LINE_CHARS
                                ? " ... [line cut: " + lines.fullLength() + " characters]" : "");
                int needed = numbered.length() + (returned > 0 ? 1 : 0);
                // Always return at least one line so paging makes progress even with a tiny cap.
                if (returned > 0 && content.length() + needed > maxChars) {
                    cutByChars = true;
                    continue;
                }
                if (returned > 0) {
                    content.append('\n');
                }
                content.append(numbered);
                returned++;
            }
        }
        int total = lineNumber;
        if (total > 0 && offset > total) {
            return Json.error("offset " + offset + " is past the end of the file, which has " + total
                    + " lines; use an offset from 1 to " + total);
        }
        int nextOffset = offset + returned;
        boolean truncated = nextOffset <= total;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("content", content.toString());
        result.put("total_lines", total);
        result.put("offset", offset);
        result.put("lines_returned", returned);
        result.put("truncated", truncated);
        if (truncated) {
            result.put("hint", "Showing lines " + offset + "-" + (nextOffset - 1) + " of " + total
                    + (cutByChars ? " (the output reached " + maxChars + " characters)" : "")
                    + ". Call read_file again with offset=" + nextOffset + " to read more.");
        }
        return Json.ok(result);
    }

    private static int maxChars(ToolContext context) {
        return context.config(MAX_CHARS_KEY).map(value -> {
            try {
                return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
            } catch (NumberFormatException e) {
                return DEFAULT_MAX_CHARS;
            }
        }).filter(value -> value > 0).orElse(DEFAULT_MAX_CHARS);
    }
}
