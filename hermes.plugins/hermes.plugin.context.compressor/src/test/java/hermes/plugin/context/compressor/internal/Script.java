package hermes.plugin.context.compressor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ToolCall;

/**
 * Conversations written as scripts for table-driven tests. Words: {@code u} a user message, {@code a} an assistant
 * answer, {@code c} an assistant message calling one tool ({@code c3}: three tools), {@code t} the result of the
 * oldest call still unanswered, {@code T} the same result but bulky (40,000 characters, about 10,000 tokens),
 * {@code s} an earlier compaction summary spoken by the role that fits. Texts are {@code size} characters long and
 * unique, so a message can be traced from input to output.
 */
final class Script {

    static final int BULKY_CHARS = 40_000;

    private Script() {
    }

    static List<Message> of(String script, int size) {
        List<Message> messages = new ArrayList<>();
        Deque<String> unanswered = new ArrayDeque<>();
        int callNumber = 0;
        for (String word : script.trim().split("\\s+")) {
            int index = messages.size();
            switch (word.charAt(0)) {
                case 'u' -> messages.add(Message.user(text("user " + index, size)));
                case 'a' -> messages.add(Message.assistant(text("answer " + index, size)));
                case 'c' -> {
                    int count = word.length() > 1 ? Integer.parseInt(word.substring(1)) : 1;
                    List<ToolCall> calls = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        String id = "call_" + ++callNumber;
                        calls.add(new ToolCall(id, "terminal", "{\"command\":\"ls " + id + "\"}"));
                        unanswered.add(id);
                    }
                    messages.add(new Message(Role.ASSISTANT, List.of(), calls, Optional.empty(), Optional.empty(),
                            Optional.empty()));
                }
                case 't' -> messages.add(Message.toolResult(unanswered.remove(), text("output " + index, size)));
                case 'T' -> messages.add(Message.toolResult(unanswered.remove(), text("bulky " + index, BULKY_CHARS)));
                case 's' -> {
                    Role previous = messages.getLast().role();
                    Role role = previous == Role.USER ? Role.ASSISTANT : Role.USER;
                    messages.add(CompactionBanner.summarised(role, "## Goal\nearlier summary " + index));
                }
                default -> throw new IllegalArgumentException("unknown word " + word);
            }
        }
        return List.copyOf(messages);
    }

    static String text(String label, int size) {
        return label.length() >= size ? label : label + ".".repeat(size - label.length());
    }

    /**
     * The shape providers accept: user and assistant messages alternate, tool results directly follow the message
     * that made their calls, and every call of a message that is not the last one has its result.
     */
    static void assertWellFormed(List<Message> messages) {
        Set<String> open = new HashSet<>();
        Role previous = null;
        for (Message message : messages) {
            if (message.role() == Role.TOOL) {
                assertThat(open).as("call answered by %s", message.toolCallId()).contains(message.toolCallId().get());
                open.remove(message.toolCallId().get());
            } else {
                assertThat(open).as("calls without results before %s", message.text()).isEmpty();
                assertThat(message.role()).as("role after %s", previous).isNotEqualTo(previous);
                message.toolCalls().forEach(call -> open.add(call.id()));
            }
            previous = message.role();
        }
    }

    static String firstText(Message message) {
        return ((ContentPart.Text) message.content().getFirst()).text();
    }
}
