package hermes.plugin.tools.files.internal;

import java.io.IOException;
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

/** {@code write_file}: creates or replaces a whole file, atomically. */
@Component(service = Tool.class, property = "hermes.id=write_file")
public final class WriteFileTool implements Tool {

    private static final ToolSpec SPEC = ToolSpec.of("write_file", "file", """
            Create a file or replace its whole content (UTF-8). Missing parent directories are created. The write is \
            atomic: readers see the old or the new file, never a mix. To change part of an existing file, use patch \
            instead, which keeps the rest of the file as it is.""",
            """
            {"type":"object","properties":{\
            "path":{"type":"string","description":"File to write: absolute, relative to the working directory, or ~/..."},\
            "content":{"type":"string","description":"The complete new content of the file"}\
            },"required":["path","content"]}""");

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
            String argument = arguments.requiredString("path");
            String content = arguments.requiredString("content");
            Path file = ToolPaths.resolve(argument, context.workingDirectory());
            if (Files.isDirectory(file)) {
                return Json.error(argument + " is a directory; give the path of a file inside it");
            }
            boolean created = !Files.exists(file);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, bytes);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("path", file.toString());
            result.put("bytes_written", bytes.length);
            result.put("created", created);
            return Json.ok(result);
        } catch (IllegalArgumentException e) {
            return Json.error(e.getMessage());
        } catch (IOException e) {
            return Json.error("cannot write the file: " + e);
        }
    }
}
