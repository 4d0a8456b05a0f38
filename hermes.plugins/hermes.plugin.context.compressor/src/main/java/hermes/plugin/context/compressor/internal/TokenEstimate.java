package hermes.plugin.context.compressor.internal;

import java.util.List;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ToolCall;

/**
 * A rough token count for when the provider's own figure is not at hand: four characters a token, a flat 1,600 tokens
 * for each attachment (the original's figure for an image; the base64 of a data URL says nothing about what the
 * provider charges), and a small overhead per message for the role and framing.
 */
final class TokenEstimate {

    static final int CHARS_PER_TOKEN = 4;
    static final int TOKENS_PER_ATTACHMENT = 1_600;
    private static final int TOKENS_PER_MESSAGE = 10;

    private TokenEstimate() {
    }

    static long of(List<Message> messages) {
        return messages.stream().mapToLong(TokenEstimate::of).sum();
    }

    /**
     * Counts what goes over the wire for the message: content, tool calls, and the reasoning and provider payload that
     * are replayed with it (a message with little text but a large thinking block is not small).
     */
    static long of(Message message) {
        long chars = message.reasoning().map(String::length).orElse(0)
                + message.providerData().map(String::length).orElse(0);
        long attachments = 0;
        for (ContentPart part : message.content()) {
            if (part instanceof ContentPart.Text text) {
                chars += text.text().length();
            } else {
                attachments++;
            }
        }
        for (ToolCall call : message.toolCalls()) {
            chars += call.id().length() + call.name().length() + call.arguments().length();
        }
        return TOKENS_PER_MESSAGE + chars / CHARS_PER_TOKEN + attachments * TOKENS_PER_ATTACHMENT;
    }
}
