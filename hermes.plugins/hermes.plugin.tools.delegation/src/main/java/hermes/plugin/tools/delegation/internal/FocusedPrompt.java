package hermes.plugin.tools.delegation.internal;

import java.nio.file.Path;

import hermes.plugin.tools.delegation.internal.DelegationRequest.ChildTask;
import hermes.plugin.tools.delegation.internal.DelegationRequest.Role;

/**
 * The system prompt of a subagent. It replaces the normal prompt entirely: the subagent knows nothing of the parent's
 * conversation, so everything it needs has to be here, and its final answer is all the parent will see.
 */
final class FocusedPrompt {

    private FocusedPrompt() {
    }

    /**
     * @param workspace the parent's working directory
     * @param childDepth the depth the subagent runs at (1 for a child of the top-level agent)
     */
    static String of(ChildTask task, Path workspace, Role role, int childDepth, int maxSpawnDepth) {
        StringBuilder prompt = new StringBuilder("""
                You are a focused subagent. A parent agent handed you one task; you cannot see its conversation, and \
                nobody will answer questions, so make reasonable assumptions and say which ones you made.

                YOUR TASK:
                """).append(task.goal()).append('\n');
        if (!task.context().isEmpty()) {
            prompt.append("\nCONTEXT:\n").append(task.context()).append('\n');
        }
        if (!workspace.toString().isEmpty()) {
            prompt.append("\nWORKSPACE PATH:\n").append(workspace)
                    .append("\nWork in this directory unless the task names another place.\n");
        }
        if (role == Role.ORCHESTRATOR) {
            prompt.append("\nDELEGATION:\nYou are an orchestrator at depth ").append(childDepth)
                    .append(" of at most ").append(maxSpawnDepth).append(". You may split your task with delegate_task; ")
                    .append(childDepth + 1 < maxSpawnDepth
                            ? "your subagents may delegate further if you make them orchestrators."
                            : "your subagents run at the last allowed depth and cannot delegate further.")
                    .append(" Give each subagent a self-contained goal and context: it cannot see your conversation.\n");
        }
        prompt.append("""

                Use your tools to do the task thoroughly. When you are done, reply with a concise summary for the \
                parent agent:
                - what you did
                - what you found (facts, values, answers)
                - the files you created or modified, with full paths
                - any problems, open questions or things left undone
                This summary is the only thing the parent receives, so include every detail it needs.""");
        return prompt.toString();
    }
}
