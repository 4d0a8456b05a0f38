package hermes.plugin.tools.todo.internal;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the session's task list.
 *
 * @param id the model's own identifier, unique within the list
 * @param content what the task is
 * @param status one of {@link #STATUSES}
 */
record TodoItem(String id, String content, String status) {

    /** The statuses in the order the summary counts them. */
    static final List<String> STATUSES = List.of("pending", "in_progress", "completed", "cancelled");

    TodoItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + status + "' is not one of " + String.join(", ", STATUSES));
        }
    }
}
