package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.lib.textpatch.FuzzyReplace;
import hermes.lib.textpatch.UnifiedDiff;

/** {@code patch}: targeted edits, by find-and-replace with forgiving matching or by a V4A multi-file patch. */
@Component(service = Tool.class, property = "hermes.id=patch")
public final class PatchTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("patch", "file", """
            Edit files without rewriting them. mode=replace (default): replace old_string with new_string in the file \
            at path. old_string must be unique in the file unless replace_all=true; copy it from read_file output \
            without the line-number prefix, with a few lines of context. Small drift in whitespace, indentation, \
            escapes or typographic quotes is tolerated, and the result says which matching strategy was used. \
            mode=patch: apply a V4A patch ('*** Begin Patch' ... '*** End Patch' with '*** Update File:', \
            '*** Add File:', '*** Delete File:' and '*** Move File: a -> b' sections) to several files at once. \
            The result holds a unified diff of the change.""",
            """
            {"type":"object","properties":{\
            "mode":{"type":"string","enum":["replace","patch"],"description":"replace (default): old_string -> new_string in one file; patch: apply the V4A patch in 'patch'"},\
            "path":{"type":"string","description":"mode=replace: the file to edit (absolute, relative to the working directory, or ~/...)"},\
            "old_string":{"type":"string","description":"mode=replace: the exact text to find, including enough surrounding lines to be unique"},\
            "new_string":{"type":"string","description":"mode=replace: the text to put in its place (may be empty to delete)"},\
            "replace_all":{"type":"boolean","description":"mode=replace: replace every occurrence instead of requiring exactly one (default false)"},\
            "patch":{"type":"string","description":"mode=patch: the V4A patch text, from '*** Begin Patch' to '*** End Patch'"}\
            }}""");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        return true;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        try {
            Arguments arguments = Arguments.of(call);
            String mode = arguments.choice("mode", "replace", "patch");
            if (mode.equals("patch")) {
                return V4aApplier.apply(arguments.requiredString("patch"), context.workingDirectory());
            }
            return replace(arguments, context.workingDirectory());
        } catch (IllegalArgumentException e) {
            return Json.error(e.getMessage());
        } catch (IOException e) {
            return Json.error("cannot patch the file: " + e);
        }
    }

    private static ToolResult replace(Arguments arguments, Path workingDirectory) throws IOException {
        String argument = arguments.requiredString("path");
        String oldString = arguments.requiredString("old_string");
        String newString = arguments.optionalString("new_string").orElseThrow(() -> new IllegalArgumentException(
                "patch needs 'new_string' (use an empty string to delete old_string)"));
        boolean replaceAll = arguments.bool("replace_all", false);
        Path file = ToolPaths.resolve(argument, workingDirectory);
        String before = TextFiles.readForEdit(argument, file);
        return switch (FuzzyReplace.replace(before, oldString, newString, replaceAll)) {
            case FuzzyReplace.Failed failed -> Json.error(failed.message());
            case FuzzyReplace.Replaced replaced -> {
                AtomicFiles.write(file, replaced.content().getBytes(StandardCharsets.UTF_8));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("path", file.toString());
                result.put("strategy", replaced.strategy());
                result.put("replacements", replaced.replacements());
                result.put("diff", UnifiedDiff.of(ToolPaths.display(file, workingDirectory), before,
                        replaced.content()));
                yield Json.ok(result);
            }
        };
    }
}
