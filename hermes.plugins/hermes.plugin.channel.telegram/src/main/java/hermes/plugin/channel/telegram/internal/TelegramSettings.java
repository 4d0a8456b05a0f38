package hermes.plugin.channel.telegram.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import hermes.api.Channel;
import okhttp3.HttpUrl;

/**
 * The Telegram channel's configuration, read once per {@link Channel#start}.
 *
 * @param token the bot token from BotFather ({@value #TOKEN}, else {@code config.yaml} {@value #TOKEN_KEY}); required
 * @param baseUrl the Bot API server ({@value #BASE_URL_KEY}, else {@value #BASE_URL}; default
 *     {@value #DEFAULT_BASE_URL}); tests point it at a local emulator
 * @param pollTimeout how long one {@code getUpdates} may wait for news ({@value #POLL_TIMEOUT_KEY} in seconds, default
 *     {@value #DEFAULT_POLL_TIMEOUT_SECONDS}; 0 polls without waiting)
 * @param parseMode the {@code parse_mode} of outgoing texts ({@value #PARSE_MODE_KEY}: {@code MarkdownV2},
 *     {@code HTML}, …); empty by default, because model output is rarely valid Telegram markup and a message with
 *     broken markup is refused whole
 */
record TelegramSettings(String token, HttpUrl baseUrl, Duration pollTimeout, Optional<String> parseMode) {

    static final String TOKEN = "TELEGRAM_BOT_TOKEN";
    static final String TOKEN_KEY = "platforms.telegram.token";
    static final String BASE_URL_KEY = "platforms.telegram.base_url";
    static final String BASE_URL = "TELEGRAM_BASE_URL";
    static final String POLL_TIMEOUT_KEY = "platforms.telegram.poll_timeout";
    static final String PARSE_MODE_KEY = "platforms.telegram.parse_mode";
    static final String DEFAULT_BASE_URL = "https://api.telegram.org";
    static final long DEFAULT_POLL_TIMEOUT_SECONDS = 25;

    /**
     * The settings {@code host} gives.
     *
     * @throws IllegalArgumentException when the token is missing or a value is malformed; the message names the
     *     setting and the fix
     */
    static TelegramSettings from(Channel.Host host) {
        String token = read(host, TOKEN).or(() -> read(host, TOKEN_KEY)).orElseThrow(() -> new IllegalArgumentException(
                "no Telegram bot token: set " + TOKEN + " (in $HERMES_HOME/.env or the environment) to the token "
                        + "BotFather gave the bot"));
        if (token.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new IllegalArgumentException(TOKEN + " is malformed (it contains a space or a slash); copy the "
                    + "token from BotFather again");
        }
        String base = read(host, BASE_URL_KEY).or(() -> read(host, BASE_URL)).orElse(DEFAULT_BASE_URL);
        HttpUrl baseUrl = HttpUrl.parse(base.endsWith("/") ? base : base + "/");
        if (baseUrl == null) {
            throw new IllegalArgumentException(BASE_URL_KEY + " is not an http(s) URL: " + base);
        }
        long seconds = read(host, POLL_TIMEOUT_KEY).map(TelegramSettings::seconds).orElse(DEFAULT_POLL_TIMEOUT_SECONDS);
        return new TelegramSettings(token, baseUrl, Duration.ofSeconds(seconds), read(host, PARSE_MODE_KEY));
    }

    private static Optional<String> read(Channel.Host host, String key) {
        return host.setting(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value.toLowerCase(Locale.ROOT).replace("s", "").strip());
            if (seconds >= 0 && seconds <= 50) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException(POLL_TIMEOUT_KEY + " must be a number of seconds from 0 to 50, not "
                + value);
    }
}
