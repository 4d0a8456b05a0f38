package hermes.plugin.tools.todo.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task list and the two ways the model writes it: replace the whole list, or merge updates by id.
 *
 * <p>Validation failures throw {@link IllegalArgumentException} with a message that names the offending item by its
 * position and id, so the model can fix exactly that item.
 */
record TodoList(List<TodoItem> items) {

    static final TodoList EMPTY = new TodoList(List.of());

    TodoList {
        items = List.copyOf(items);
    }

    /** A new list made only of {@code written}; every item needs an id and content, status defaults to pending. */
    static TodoList replacement(List<?> written) {
        List<TodoItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < written.size(); index++) {
            Entry entry = Entry.of(index, written.get(index));
            entry.requireUnique(seen);
            items.add(entry.asNewItem());
        }
        return new TodoList(items);
    }

    /**
     * This list with {@code written} applied: an item whose id exists updates the content and status it gives (keeping
     * its place), an item with a new id is appended.
     */
    TodoList merged(List<?> written) {
        Map<String, TodoItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < written.size(); index++) {
            Entry entry = Entry.of(index, written.get(index));
            entry.requireUnique(seen);
            TodoItem existing = byId.get(entry.id);
            byId.put(entry.id, existing == null ? entry.asNewItem() : entry.applyTo(existing));
        }
        return new TodoList(List.copyOf(byId.values()));
    }

    /** {@code total} and one count per status, in the order of {@link TodoItem#STATUSES}. */
    Map<String, Integer> summary() {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("total", items.size());
        TodoItem.STATUSES.forEach(status -> summary.put(status, 0));
        items.forEach(item -> summary.merge(item.status(), 1, Integer::sum));
        return summary;
    }

    /** One item as the model wrote it, checked field by field. */
    private record Entry(int index, String id, Optional<String> content, Optional<String> status) {

        static Entry of(int index, Object written) {
            if (!(written instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("todos[" + index + "] must be an object with id, content and status");
            }
            Optional<String> content = text(fields.get("content"));
            Optional<String> id = text(fields.get("id"));
            if (id.isEmpty()) {
                throw new IllegalArgumentException("todos[" + index + "]"
                        + content.map(c -> " ('" + c + "')").orElse("") + " has no id; give every item a unique id");
            }
            Optional<String> status = Optional.ofNullable(fields.get("status")).map(s -> String.valueOf(s).strip());
            status.filter(s -> !TodoItem.STATUSES.contains(s)).ifPresent(s -> {
                throw new IllegalArgumentException("todos[" + index + "] (id '" + id.get() + "'): status '" + s
                        + "' is not one of " + String.join(", ", TodoItem.STATUSES));
            });
            return new Entry(index, id.get(), content, status);
        }

        void requireUnique(Set<String> seen) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("todos[" + index + "] repeats id '" + id
                        + "'; each id may appear once per call");
            }
        }

        TodoItem asNewItem() {
            String text = content.orElseThrow(() -> new IllegalArgumentException("todos[" + index + "] (id '" + id
                    + "') has no content; a new item needs a description of the task"));
            return new TodoItem(id, text, status.orElse("pending"));
        }

        TodoItem applyTo(TodoItem existing) {
            return new TodoItem(id, content.orElse(existing.content()), status.orElse(existing.status()));
        }

        /** Non-blank text of a string or number; anything else counts as absent. */
        private static Optional<String> text(Object value) {
            if (value instanceof String || value instanceof Number) {
                String text = String.valueOf(value).strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
            return Optional.empty();
        }
    }
}
