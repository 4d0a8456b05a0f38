package hermes.plugin.tools.delegation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model asked for: one task ({@code goal}, {@code context}, {@code toolsets}) or a batch ({@code tasks[]}),
 * and the role the subagents get.
 */
record DelegationRequest(List<ChildTask> tasks, Role role) {

    DelegationRequest {
        tasks = List.copyOf(tasks);
    }

    /** One subagent's assignment; {@code toolsets} empty means the runtime's default for the caller. */
    record ChildTask(int index, String goal, String context, List<String> toolsets) {
        ChildTask {
            toolsets = List.copyOf(toolsets);
        }
    }

    /** Whether a subagent may delegate in turn. */
    enum Role {
        LEAF, ORCHESTRATOR;

        String wireName() {
            return name().toLowerCase();
        }
    }

    /**
     * Reads the arguments. A task without toolsets takes the call's {@code toolsets}, else {@code inheritedToolsets}
     * (the parent's own). {@code tasks} wins over {@code goal} when both are given.
     *
     * @throws IllegalArgumentException when the arguments do not describe a task; the message says what is missing
     */
    static DelegationRequest parse(Map<String, Object> arguments, List<String> inheritedToolsets) {
        Role role = role(arguments.get("role"));
        List<String> defaultToolsets = toolsets(arguments.get("toolsets"), "toolsets").orElse(inheritedToolsets);
        Object batch = arguments.get("tasks");
        if (batch != null && !(batch instanceof List<?>)) {
            throw new IllegalArgumentException("tasks must be an array of {goal, context, toolsets} objects");
        }
        List<ChildTask> tasks = new ArrayList<>();
        if (batch instanceof List<?> written && !written.isEmpty()) {
            for (int index = 0; index < written.size(); index++) {
                String where = "tasks[" + index + "]";
                if (!(written.get(index) instanceof Map<?, ?> task)) {
                    throw new IllegalArgumentException(where + " must be an object with goal, context and toolsets");
                }
                String goal = text(task.get("goal")).orElseThrow(() -> new IllegalArgumentException(
                        where + " has no goal; say what this subagent should achieve"));
                tasks.add(new ChildTask(index, goal, text(task.get("context")).orElse(""),
                        toolsets(task.get("toolsets"), where + ".toolsets").orElse(defaultToolsets)));
            }
        } else {
            String goal = text(arguments.get("goal")).orElseThrow(() -> new IllegalArgumentException(
                    "delegate_task needs either 'goal' (one task) or 'tasks' (a batch of {goal, context, toolsets})"));
            tasks.add(new ChildTask(0, goal, text(arguments.get("context")).orElse(""), defaultToolsets));
        }
        return new DelegationRequest(tasks, role);
    }

    private static Role role(Object written) {
        if (written == null) {
            return Role.LEAF;
        }
        return switch (String.valueOf(written).strip()) {
            case "leaf" -> Role.LEAF;
            case "orchestrator" -> Role.ORCHESTRATOR;
            default -> throw new IllegalArgumentException("role must be 'leaf' or 'orchestrator', not '" + written + "'");
        };
    }

    /** The named toolsets, or empty when none are given (an empty array counts as none). */
    private static Optional<List<String>> toolsets(Object written, String where) {
        if (written == null) {
            return Optional.empty();
        }
        if (!(written instanceof List<?> names)) {
            throw new IllegalArgumentException(where + " must be an array of toolset names such as [\"file\", \"web\"]");
        }
        List<String> toolsets = names.stream().map(name -> String.valueOf(name).strip())
                .filter(name -> !name.isEmpty()).toList();
        return toolsets.isEmpty() ? Optional.empty() : Optional.of(toolsets);
    }

    private static Optional<String> text(Object written) {
        return Optional.ofNullable(written).map(value -> String.valueOf(value).strip()).filter(t -> !t.isEmpty());
    }
}
