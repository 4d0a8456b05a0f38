package hermes.api;

import java.io.IOException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends messages to chats outside a conversation (cron deliveries, {@code send_message}): implemented by the gateway,
 * which writes each message to its durable outbox first and delivers it through the platform's {@link Channel} in
 * order, retrying while the platform is down.
 *
 * <p>Threading: any thread.
 */
@ProviderType
public interface Messenger {

    /**
     * Queues {@code message} for {@code platform}.
     *
     * @throws IOException when the message could not be stored for delivery (the caller keeps it and reports it)
     */
    void send(String platform, Channel.Outbound message) throws IOException;

    /** The platform's home chat ({@code <PLATFORM>_HOME_CHANNEL}), where deliveries without a chat go. */
    Optional<String> homeChat(String platform);
}
