package hermes.plugin.gateway.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import hermes.api.Channel;
import hermes.api.ContentPart;

/**
 * Where a chat's replies go.
 *
 * @param platform the channel's platform
 * @param chatId the chat (for a direct message without a chat id, the sender's id)
 * @param threadId the thread inside the chat, if any
 */
record ReplyTarget(String platform, String chatId, Optional<String> threadId) {

    ReplyTarget {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(threadId, "threadId");
    }

    Channel.Outbound message(String text, Optional<String> replyTo) {
        return message(text, List.of(), replyTo);
    }

    Channel.Outbound message(String text, List<ContentPart> attachments, Optional<String> replyTo) {
        return new Channel.Outbound(chatId, threadId, replyTo, text, attachments);
    }
}
