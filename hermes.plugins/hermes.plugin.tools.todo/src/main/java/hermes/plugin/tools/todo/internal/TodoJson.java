package hermes.plugin.tools.todo.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The list as JSON: the stored form (a bare array of items) and the result the model reads. A class of its own so
 * Jackson loads on the first call, not when the runtime registers the tool.
 */
final class TodoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<TodoItem>> ITEMS = new TypeReference<>() {
    };

    private TodoJson() {
    }

    static TodoList read(String stored) {
        try {
            return new TodoList(MAPPER.readValue(stored, ITEMS));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored todo list is unreadable (" + e.getMessage()
                    + "); write the whole list again with merge=false", e);
        }
    }

    static String stored(TodoList list) {
        return write(list.items());
    }

    /** {@code {"todos":[...],"summary":{...}}}. */
    static String result(TodoList list) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("todos", list.items());
        result.put("summary", list.summary());
        return write(result);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the todo list as JSON", e);
        }
    }
}
