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
}
