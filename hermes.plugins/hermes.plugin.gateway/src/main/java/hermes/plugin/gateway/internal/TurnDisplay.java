package hermes.plugin.gateway.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import hermes.api.Channel;

/**
 * What a chat sees of its turns besides the messages: "typing…" while any turn runs, and the answer streamed into a
 * preview message where the platform can edit and streaming is on ({@link GatewaySettings#streaming}). At the end of a
 * turn the answer goes into the outbox — as an edit of the preview when one was shown.
 *
 * <p>Threading: the conversation calls in from the chat's lane and from the runtime's event thread; every method
 * is safe from any thread.
 */
final class TurnDisplay {

    /** What the display needs from the gateway. */
    record Services(OutboxSender outbox, TypingIndicator typing, GatewaySettings settings,
                    Function<String, Optional<Channel>> channels) {
    }

    private final Services services;
    private final Supplier<ReplyTarget> target;
    private TypingIndicator.Showing typing;
    /** The running turn's preview; empty when it has none, {@code null} until its first text decides. */
    private Optional<StreamPreview> preview;

    /** @param target where the chat's replies go now */
    TurnDisplay(Services services, Supplier<ReplyTarget> target) {
        this.services = services;
        this.target = target;
    }

    /** The chat has a turn running (again): typing shows until {@link #idle()}. */
    synchronized void busy() {
        if (typing == null) {
            typing = services.typing().show(target);
        }
    }

    /** No turn of the chat runs any more. */
    synchronized void idle() {
        if (typing != null) {
            typing.stop();
            typing = null;
        }
    }

    /** A piece of the running turn's answer, which answers {@code replyTo}. */
    void text(String delta, Optional<String> replyTo) {
        Optional<StreamPreview> current;
        synchronized (this) {
            if (preview == null) {
                preview = start(replyTo);
            }
            current = preview;
        }
        current.ifPresent(shown -> shown.append(delta));
    }

    /** The model called tools; what it writes next is a new segment of the answer. */
    synchronized void toolsCalled() {
        if (preview != null) {
            preview.ifPresent(StreamPreview::newSegment);
        }
    }

    /**
     * A message is about to go out during the turn (a question): the preview stops above it, and text that follows
     * starts a new preview below it, so the answer ends up after the question.
     */
    void interjection() {
        settle(take());
    }

    /**
     * The turn ended with {@code answer}: the reply goes into the outbox, into the preview when one shows part of it.
     * A silence token or an empty answer sends nothing and only takes the cursor off a preview.
     */
    void finish(String answer, Optional<String> replyTo) {
        StreamPreview ended = take();
        Optional<StreamPreview.Shown> shown = ended == null ? Optional.empty() : ended.finish();
        Optional<Replies.Reply> reply = Replies.of(answer);
        ReplyTarget to = target.get();
        if (shown.isPresent() && reply.isPresent() && !reply.get().text().isBlank()) {
            services.outbox().send(to.platform(), to.message(reply.get().text(), reply.get().attachments(), replyTo),
                    Optional.of(shown.get().messageId()));
            return;
        }
        shown.ifPresent(preview -> ended.settle(preview));
        reply.ifPresent(message -> services.outbox().send(to.platform(), to.message(message.text(),
                message.attachments(), replyTo)));
    }

    /** The conversation ends: typing stops, and a preview keeps what it shows without the cursor. */
    void close() {
        idle();
        settle(take());
    }

    private synchronized StreamPreview take() {
        StreamPreview current = preview == null ? null : preview.orElse(null);
        preview = null;
        return current;
    }

    private static void settle(StreamPreview ended) {
        if (ended != null) {
            ended.finish().ifPresent(ended::settle);
        }
    }

    /** A preview for the running turn, when the chat's platform edits messages and streams. */
    private Optional<StreamPreview> start(Optional<String> replyTo) {
        ReplyTarget to = target.get();
        Optional<GatewaySettings.Streaming> streaming = services.settings().streaming(to.platform());
        boolean edits = services.channels().apply(to.platform()).map(Channel::canEdit).orElse(false);
        if (streaming.isEmpty() || !edits) {
            return Optional.empty();
        }
        Outbox.ChatAddress chat = new Outbox.ChatAddress(to.platform(), to.chatId());
        return Optional.of(new StreamPreview(() -> services.channels().apply(to.platform()), to.message("", replyTo),
                streaming.get(), () -> !services.outbox().hasUnsent(chat)));
    }
}
