package hermes.plugin.tools.todo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

class TodoToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TodoTool tool = new TodoTool();
    private final FakeToolContext context;

    TodoToolTest(@TempDir Path directory) {
        context = new FakeToolContext(directory);
    }

    @Test
    void readingAnEmptySessionGivesAnEmptyListAndZeroCounts() throws Exception {
        ToolResult result = call("");

        assertThat(result.error()).isFalse();
        assertThat(parse(result)).isEqualTo(Map.of("todos", List.of(), "summary",
                Map.of("total", 0, "pending", 0, "in_progress", 0, "completed", 0, "cancelled", 0)));
    }

    @Test
    void writingWithoutMergeReplacesTheListAndStoresItAsJsonText() throws Exception {
        call("""
                {"todos":[{"id":"old","content":"Old task","status":"completed"}]}""");

        ToolResult result = call("""
                {"todos":[{"id":"a","content":"Read the spec","status":"in_progress"},
                          {"id":"b","content":"Write the code"}]}""");

        assertThat(parse(result)).isEqualTo(Map.of(
                "todos", List.of(
                        Map.of("id", "a", "content", "Read the spec", "status", "in_progress"),
                        Map.of("id", "b", "content", "Write the code", "status", "pending")),
                "summary", Map.of("total", 2, "pending", 1, "in_progress", 1, "completed", 0, "cancelled", 0)));
        assertThat(JSON.readValue(context.sessionState().get("todo"), new TypeReference<List<Object>>() {
        })).isEqualTo(List.of(
                Map.of("id", "a", "content", "Read the spec", "status", "in_progress"),
                Map.of("id", "b", "content", "Write the code", "status", "pending")));
    }

    @Test
    void mergeUpdatesItemsByIdInPlaceAndAppendsNewOnes() throws Exception {
        call("""
                {"todos":[{"id":"a","content":"Read the spec","status":"in_progress"},
                          {"id":"b","content":"Write the code"}]}""");

        ToolResult result = call("""
                {"merge":true,"todos":[{"id":"c","content":"Run the tests"},
                                       {"id":"a","status":"completed"},
                                       {"id":"b","content":"Write the code and docs","status":"in_progress"}]}""");

        assertThat(parse(result)).isEqualTo(Map.of(
                "todos", List.of(
                        Map.of("id", "a", "content", "Read the spec", "status", "completed"),
                        Map.of("id", "b", "content", "Write the code and docs", "status", "in_progress"),
                        Map.of("id", "c", "content", "Run the tests", "status", "pending")),
                "summary", Map.of("total", 3, "pending", 1, "in_progress", 1, "completed", 1, "cancelled", 0)));
    }

    @Test
    void mergeGivenAsTextIsHonoured() throws Exception {
        call("""
                {"todos":[{"id":"a","content":"Read the spec"}]}""");

        ToolResult result = call("""
                {"merge":"true","todos":[{"id":"b","content":"Write the code","status":"cancelled"}]}""");

        assertThat(items(result)).extracting(item -> item.get("id")).containsExactly("a", "b");
    }

    @Test
    void readingAfterWritingReturnsTheStoredList() throws Exception {
        ToolResult written = call("""
                {"todos":[{"id":1,"content":"Numbered id","status":"cancelled"}]}""");

        ToolResult read = call("{}");

        assertThat(read).isEqualTo(written);
        assertThat(items(read)).containsExactly(Map.of("id", "1", "content", "Numbered id", "status", "cancelled"));
    }

    @Test
    void theListSurvivesANewInstanceOfTheTool() throws Exception {
        call("""
                {"todos":[{"id":"a","content":"Read the spec"}]}""");

        ToolResult read = new TodoTool().call(new ToolCall("call-2", "todo", ""), context);

        assertThat(items(read)).containsExactly(Map.of("id", "a", "content", "Read the spec", "status", "pending"));
    }

    @Test
    void anUnknownStatusNamesTheItemAndLeavesTheListUnchanged() throws Exception {
        call("""
                {"todos":[{"id":"a","content":"Read the spec"}]}""");
        String before = context.sessionState().get("todo");

        ToolResult result = call("""
                {"merge":true,"todos":[{"id":"b","content":"Write"},{"id":"c","content":"Test","status":"done"}]}""");

        assertThat(result).isEqualTo(ToolResult.error(
                "todos[1] (id 'c'): status 'done' is not one of pending, in_progress, completed, cancelled"));
        assertThat(context.sessionState().get("todo")).isEqualTo(before);
    }

    @Test
    void anItemWithoutIdIsNamedByPositionAndContent() throws Exception {
        ToolResult result = call("""
                {"todos":[{"id":"a","content":"Read"},{"content":"Write the code"}]}""");

        assertThat(result).isEqualTo(ToolResult.error(
                "todos[1] ('Write the code') has no id; give every item a unique id"));
        assertThat(context.sessionState()).doesNotContainKey("todo");
    }

    @Test
    void aNewItemWithoutContentIsRefusedEvenWhenMerging() throws Exception {
        ToolResult result = call("""
                {"merge":true,"todos":[{"id":"x","status":"pending"}]}""");

        assertThat(result).isEqualTo(ToolResult.error(
                "todos[0] (id 'x') has no content; a new item needs a description of the task"));
    }

    @Test
    void aRepeatedIdInOneCallIsRefused() throws Exception {
        ToolResult result = call("""
                {"todos":[{"id":"a","content":"One"},{"id":"a","content":"Two"}]}""");

        assertThat(result).isEqualTo(ToolResult.error("todos[1] repeats id 'a'; each id may appear once per call"));
    }

    @Test
    void todosThatAreNotAnArrayOfObjectsAreRefused() throws Exception {
        assertThat(call("""
                {"todos":"a, b"}""")).isEqualTo(ToolResult.error("todos must be an array of {id, content, status} objects"));
        assertThat(call("""
                {"todos":["a"]}""")).isEqualTo(ToolResult.error("todos[0] must be an object with id, content and status"));
    }

    @Test
    void malformedArgumentsAreAnErrorResult() throws Exception {
        ToolResult result = call("{\"todos\": [");

        assertThat(result.error()).isTrue();
        assertThat(result.content()).isNotBlank();
    }

    @Test
    void anEmptyListClearsTheTasks() throws Exception {
        call("""
                {"todos":[{"id":"a","content":"Read the spec"}]}""");

        assertThat(items(call("""
                {"todos":[]}"""))).isEmpty();
    }

    @Test
    void theToolIsNotMutating() {
        assertThat(tool.isMutating(new ToolCall("call-1", "todo", "{\"todos\":[]}"))).isFalse();
        assertThat(tool.spec().toolset()).isEqualTo("todo");
    }

    private ToolResult call(String arguments) {
        return tool.call(new ToolCall("call-1", "todo", arguments), context);
    }

    private static Map<String, Object> parse(ToolResult result) throws Exception {
        return JSON.readValue(result.content(), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ToolResult result) throws Exception {
        assertThat(result.error()).as(result.content()).isFalse();
        return (List<Map<String, Object>>) parse(result).get("todos");
    }
}
