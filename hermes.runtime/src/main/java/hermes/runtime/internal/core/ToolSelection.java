package hermes.runtime.internal.core;

import java.util.List;
import java.util.Set;

import hermes.api.ToolSpec;

/**
 * Which of the registered tools a session offers (reference §3 {@code -t/--toolsets}, §12 blocked tools): the
 * platform default {@code hermes-cli} (and {@code all}) means every available tool; otherwise the named toolsets (a
 * tool's own name counts too). {@code agent.disabled_toolsets} always wins. A subagent never gets the tools the original
 * blocks for children, and gets {@code delegate_task} only while it may still spawn.
 */
final class ToolSelection {

    static final Set<String> EVERYTHING = Set.of("hermes-cli", "all", "hermes-gateway", "hermes-api");
    /** The original's {@code DELEGATE_BLOCKED_TOOLS}, minus delegate_task, which depends on the depth. */
    static final Set<String> BLOCKED_FOR_CHILDREN = Set.of("clarify", "memory", "send_message", "execute_code");

    private ToolSelection() {
    }

    static List<ToolSpec> select(List<ToolSpec> available, List<String> toolsets, List<String> disabled, int depth,
                                 boolean mayDelegate) {
        boolean everything = toolsets.isEmpty() || toolsets.stream().anyMatch(EVERYTHING::contains);
        return available.stream()
                .filter(spec -> everything || toolsets.contains(spec.toolset()) || toolsets.contains(spec.name()))
                .filter(spec -> !disabled.contains(spec.toolset()))
                .filter(spec -> depth == 0 || !BLOCKED_FOR_CHILDREN.contains(spec.name()))
                .filter(spec -> mayDelegate || !spec.name().equals("delegate_task"))
                .toList();
    }
}
