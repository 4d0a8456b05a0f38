package hermes.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One message of a conversation, as stored and as sent to providers.
 *
 * @param role who speaks
 * @param content the content parts (empty for an assistant message that only calls tools)
 * @param toolCalls the tools an assistant message calls (empty otherwise)
 * @param toolCallId for a {@link Role#TOOL} message, the call it answers
 * @param reasoning the model's visible reasoning, when the provider returns it
 * @param providerData an opaque per-provider payload replayed unchanged on the next request (for example Anthropic
 *     thinking blocks with their signatures, which must go back as they came)
 */
public record Message(Role role, List<ContentPart> content, List<ToolCall> toolCalls, Optional<String> toolCallId,
                      Optional<String> reasoning, Optional<String> providerData) {

    public Message {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(providerData, "providerData");
    }

    public static Message user(String text) {
        return text(Role.USER, text);
    }

    public static Message system(String text) {
        return text(Role.SYSTEM, text);
    }

    public static Message assistant(String text) {
        return text(Role.ASSISTANT, text);
    }

    public static Message toolResult(String toolCallId, String text) {
        return new Message(Role.TOOL, List.of(new ContentPart.Text(text)), List.of(), Optional.of(toolCallId),
                Optional.empty(), Optional.empty());
    }

    private static Message text(Role role, String text) {
        return new Message(role, List.of(new ContentPart.Text(text)), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The concatenated text parts. */
    public String text() {
        return content.stream()
                .filter(ContentPart.Text.class::isInstance)
                .map(part -> ((ContentPart.Text) part).text())
                .collect(Collectors.joining());
    }

    /** The speaker of a message. Strict alternation applies: only {@link #TOOL} messages may follow one another. */
    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }
}
