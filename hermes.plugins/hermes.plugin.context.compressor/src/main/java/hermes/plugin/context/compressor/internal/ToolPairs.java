package hermes.plugin.context.compressor.internal;

import java.util.ArrayList;
import java.util.List;

import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ToolCall;

/**
 * Makes every tool result follow the call it answers and every call get a result, as providers require: a result
 * whose call is gone (or that does not directly follow its call's message) is dropped, and a call whose result is gone
 * gets a stub result. Calls of the last message are left alone — their results may simply not have arrived yet.
 */
final class ToolPairs {

    static final String STUB_RESULT = "[Result not kept: it was compacted together with earlier turns; see the"
            + " context summary]";

    private ToolPairs() {
    }

    static List<Message> repaired(List<Message> messages) {
        List<Message> repaired = new ArrayList<>(messages.size());
        List<ToolCall> unanswered = new ArrayList<>();
        for (Message message : messages) {
            if (message.role() == Role.TOOL) {
                boolean answersAnOpenCall = message.toolCallId()
                        .map(id -> unanswered.removeIf(call -> call.id().equals(id)))
                        .orElse(false);
                if (answersAnOpenCall) {
                    repaired.add(message);
                }
                continue;
            }
            unanswered.forEach(call -> repaired.add(Message.toolResult(call.id(), STUB_RESULT)));
            unanswered.clear();
            repaired.add(message);
            if (message.role() == Role.ASSISTANT) {
                unanswered.addAll(message.toolCalls());
            }
        }
        return List.copyOf(repaired);
    }
}
