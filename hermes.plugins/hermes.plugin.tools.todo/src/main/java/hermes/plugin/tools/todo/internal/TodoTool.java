package hermes.plugin.tools.todo.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code todo}: the session's task list. Called without {@code todos} it reads the list; with {@code todos} it replaces
 * the list, or with {@code merge=true} updates items by id and appends new ones.
 *
 * <p>The list lives in {@link ToolContext#sessionState()} as JSON text under {@value #STATE_KEY}, so it survives an
 * update of this plugin and is cleared with the conversation.
 */
@Component(service = Tool.class)
public final class TodoTool implements Tool {

    static final String STATE_KEY = "todo";

    private static final ToolSpec SPEC = ToolSpec.of("todo", "todo", """
            Read or write your task list for this session. Use it for work with three or more steps, or when the user \
            gives you several things to do, so nothing is forgotten. Call without arguments to read the list. \
            Pass `todos` to write: by default it replaces the whole list; with `merge: true` items whose id exists are \
            updated (only the fields you give) and items with a new id are appended. Statuses: pending, in_progress, \
            completed, cancelled. Keep one item in_progress at a time and mark each one completed as soon as it is \
            done. Every call returns the whole list and a count per status.""", """
            {"type":"object","properties":{\
            "todos":{"type":"array","description":"the items to write; leave out to read the list",\
            "items":{"type":"object","properties":{\
            "id":{"type":"string","description":"unique identifier of the item"},\
            "content":{"type":"string","description":"what the task is (required for a new item)"},\
            "status":{"type":"string","enum":["pending","in_progress","completed","cancelled"],\
            "description":"defaults to pending for a new item"}},\
            "required":["id"]}},\
            "merge":{"type":"boolean","description":"true: update by id and append new items; false (default): \
            replace the whole list"}}}""");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    /** The list is the conversation's own state: nothing outside it changes. */
    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) {
        Map<String, Object> arguments;
        try {
            arguments = call.parsedArguments();
        } catch (IllegalArgumentException e) {
            return ToolResult.error(e.getMessage());
        }
        Object todos = arguments.get("todos");
        if (todos == null) {
            return ToolResult.ok(TodoJson.result(stored(context)));
        }
        if (!(todos instanceof List<?> written)) {
            return ToolResult.error("todos must be an array of {id, content, status} objects");
        }
        boolean merge = isTrue(arguments.get("merge"));
        try {
            // compute() makes read-modify-write atomic for parallel calls; a validation error leaves the list unchanged
            String updated = context.sessionState().compute(STATE_KEY, (key, old) -> TodoJson.stored(merge
                    ? (old == null ? TodoList.EMPTY : TodoJson.read(old)).merged(written)
                    : TodoList.replacement(written)));
            return ToolResult.ok(TodoJson.result(TodoJson.read(updated)));
        } catch (IllegalArgumentException e) {
            return ToolResult.error(e.getMessage());
        }
    }

    private static TodoList stored(ToolContext context) {
        String stored = context.sessionState().get(STATE_KEY);
        return stored == null ? TodoList.EMPTY : TodoJson.read(stored);
    }

    /** Models sometimes send booleans as text. */
    private static boolean isTrue(Object value) {
        return value instanceof Boolean flag ? flag : "true".equalsIgnoreCase(String.valueOf(value));
    }
}
