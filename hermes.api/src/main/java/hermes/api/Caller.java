package hermes.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is behind a turn.
 *
 * @param platform where the input came from: {@code cli}, {@code telegram}, {@code api_server}, {@code cron}, …
 * @param chatId the platform's chat or channel, if any
 * @param threadId the thread inside the chat, if any
 * @param userId the platform's user id, if known
 * @param trust how far the input is trusted; it decides what may be approved and which tools are offered
 */
public record Caller(String platform, Optional<String> chatId, Optional<String> threadId, Optional<String> userId,
                     Trust trust) {

    public Caller {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trust, "trust");
    }

    /** The local user at the terminal. */
    public static Caller localUser() {
        return new Caller("cli", Optional.empty(), Optional.empty(), Optional.empty(), Trust.OWNER);
    }

    /** How far a caller's input is trusted. */
    public enum Trust {
        /** The machine's owner at a local terminal or IDE. */
        OWNER,
        /** A user the gateway authorised (allowlist or pairing). */
        AUTHORIZED,
        /** Content from outside (webhooks): never approves anything, gets a restricted tool set. */
        UNTRUSTED,
        /** A scheduled job: runs unattended, so approvals are always denied. */
        SCHEDULED
    }
}
