package hermes.plugin.tools.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Tool;

class ToolSpecsTest {

    @Test
    void everyToolIsInTheFileToolsetWithAnObjectSchemaWhoseRequiredPropertiesAreDescribed() throws Exception {
        List<Tool> tools = List.of(new ReadFileTool(), new WriteFileTool(), new PatchTool(), new SearchFilesTool());

        assertThat(tools).extracting(tool -> tool.spec().name())
                .containsExactly("read_file", "write_file", "patch", "search_files");
        for (Tool tool : tools) {
            JsonNode schema = ToolCalls.parse(tool.spec().parametersSchema());
            assertThat(tool.spec().toolset()).isEqualTo("file");
            assertThat(schema.path("type").asText()).isEqualTo("object");
            schema.path("required").forEach(required ->
                    assertThat(schema.path("properties").path(required.asText()).path("description").asText())
                            .as("%s.%s", tool.spec().name(), required.asText()).isNotBlank());
            schema.path("properties").forEach(property ->
                    assertThat(property.path("description").asText()).isNotBlank());
        }
    }
}
