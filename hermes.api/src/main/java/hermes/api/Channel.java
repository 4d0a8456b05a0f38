package hermes.api;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A messaging platform connector (Telegram, email, the API server, …). Registered with the service property
 * {@code hermes.id} equal to {@link #platform()}.
 *
 * <p>The gateway supervises every channel on its own: it calls {@link #start}, watches {@link #isHealthy()}, and on failure
 * calls {@link #stop()} and starts it again with backoff, so one failing platform never stalls another.
 *
 * <p>Threading: {@link #start} and {@link #stop()} are called from the gateway's supervisor thread for this channel;
 * {@link #send} from any thread. A channel stops its own threads in {@link #stop()}.
 */
@ConsumerType
public interface Channel {

    /** The platform name: {@code telegram}, {@code email}, {@code api_server}, … */
    String platform();

    /**
     * Connects and starts delivering inbound messages to {@code host}. Returns once connected.
     *
     * @throws Exception when the platform cannot be reached or is misconfigured; the gateway retries with backoff
     */
    void start(Host host) throws Exception;

    /** Disconnects and stops every thread of the channel. Idempotent. */
    void stop();

    /** Whether the connection is alive; the gateway restarts the channel when it is not. */
    default boolean isHealthy() {
        return true;
    }

    /**
     * Sends one message.
     *
     * @return the platform's id of the sent message (used for edits and threading)
     * @throws IOException when the platform did not confirm delivery; the gateway keeps the message and retries
     */
    String send(Outbound message) throws IOException;

    /**
     * Shows the chat that a reply is being prepared ("typing…") where the platform can. A hint: the gateway repeats it
     * while a turn runs and ignores failures.
     */
    default void typing(String chatId, Optional<String> threadId) throws IOException {
    }

    /** Whether {@link #edit} works here; the gateway streams replies by editing a message only when it does. */
    default boolean canEdit() {
        return false;
    }

    /**
     * Replaces the text of a message this channel sent earlier (a streamed reply growing in place).
     *
     * @throws IOException when the platform did not confirm the edit
     * @throws UnsupportedOperationException when {@link #canEdit()} is false
     */
    default void edit(String chatId, String messageId, String text) throws IOException {
        throw new UnsupportedOperationException(platform() + " cannot edit sent messages");
    }

    /**
     * The platform refused a message for good (the chat is gone, the bot was blocked, the message is invalid): unlike
     * any other {@link IOException} from {@link #send}, the gateway records it as failed and does not retry it.
     */
    final class RejectedException extends IOException {
        private static final long serialVersionUID = 1L;

        public RejectedException(String message) {
            super(message);
        }
    }

    /** What a channel hands inbound messages to. Implemented by the gateway. */
    @ProviderType
    interface Host {
        /** Delivers one inbound message; returns quickly (authorisation and the turn run elsewhere). */
        void receive(Inbound message);

        /**
         * One setting for the channel: a {@code config.yaml} key by dotted path ({@code platforms.telegram.base_url}),
         * or an environment variable by its upper-case name ({@code TELEGRAM_BOT_TOKEN}), where {@code $HERMES_HOME/.env}
         * wins over the process environment. Empty when unset.
         */
        default Optional<String> setting(String key) {
            return Optional.empty();
        }
    }

    /**
     * A message from the platform.
     *
     * @param caller the sender, chat and thread (trust is decided by the gateway, not the channel)
     * @param messageId the platform's id of this message
     * @param text the text, possibly empty when only attachments came
     * @param attachments images, audio, files
     */
    record Inbound(Caller caller, String messageId, String text, List<ContentPart> attachments) {
        public Inbound {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(text, "text");
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * A message to the platform.
     *
     * @param chatId the chat to send to
     * @param threadId the thread inside it, if any
     * @param replyTo the platform message id this answers, if any
     * @param text the text
     * @param attachments media to deliver natively where the platform can
     */
    record Outbound(String chatId, Optional<String> threadId, Optional<String> replyTo, String text,
                    List<ContentPart> attachments) {
        public Outbound {
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(text, "text");
            attachments = List.copyOf(attachments);
        }
    }
}
