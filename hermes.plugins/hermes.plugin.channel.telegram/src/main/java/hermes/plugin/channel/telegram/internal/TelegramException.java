package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Bot API call the server answered with an error.
 *
 * @see BotApi
 */
final class TelegramException extends IOException {

    private final int errorCode;
    private final transient Optional<Duration> retryAfter;

    /**
     * @param errorCode Telegram's {@code error_code} (the HTTP status when the body has none)
     * @param retryAfter how long the server asked us to wait ({@code parameters.retry_after}), on 429
     */
    TelegramException(String message, int errorCode, Optional<Duration> retryAfter) {
        super(message);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    int errorCode() {
        return errorCode;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /**
     * Whether Telegram refused the call for good: 400 (the request is wrong: chat or message not found, text too long,
     * unparsable entities) and 403 (the bot was blocked or removed) answer the same way however often they are
     * repeated. 401/404 (a wrong token), 409, 429 and 5xx are about the bot or the moment, not the message.
     */
    boolean permanent() {
        return errorCode == 400 || errorCode == 403;
    }

    /** Telegram's answer to an edit that would change nothing: the message already shows the text. */
    boolean notModified() {
        return errorCode == 400 && getMessage().contains("message is not modified");
    }
}
