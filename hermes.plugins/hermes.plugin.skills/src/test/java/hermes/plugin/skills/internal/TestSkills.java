package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;

/** Skills on disk and tool calls, the way the tests need them. */
final class TestSkills {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a tool answered: whether it is an error, and the JSON. */
    record Answer(boolean error, JsonNode json) {
        String errorText() {
            return json.path("error").asText();
        }
    }

    private TestSkills() {
    }

    static String skillMd(String name, String description, String body) {
        return "---\nname: " + name + "\ndescription: " + description + "\n---\n" + body;
    }

    /** Writes {@code <root>/<directory>/SKILL.md}. */
    static Path write(Path root, String directory, String content) throws IOException {
        Path skill = Files.createDirectories(root.resolve(directory));
        Files.writeString(skill.resolve("SKILL.md"), content);
        return skill;
    }

    /** A library on {@code home} without bundled skills, with the given process environment. */
    static SkillLibrary library(Path home, Map<String, String> environment) throws InterruptedException {
        SkillLibrary library = new SkillLibrary(new SkillsHome(home), environment::get, Optional.empty());
        library.bundledSync(10);
        return library;
    }

    static SkillLibrary library(Path home) throws InterruptedException {
        return library(home, Map.of());
    }

    static Answer call(Tool tool, ToolContext context, Map<String, ?> arguments) throws Exception {
        ToolResult result = tool.call(new ToolCall("call-1", tool.spec().name(), MAPPER.writeValueAsString(arguments)),
                context);
        return new Answer(result.error(), MAPPER.readTree(result.content()));
    }
}
