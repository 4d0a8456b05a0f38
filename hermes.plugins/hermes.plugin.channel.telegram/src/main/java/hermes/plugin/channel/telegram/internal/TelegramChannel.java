package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Channel;
import okhttp3.OkHttpClient;

/**
 * The {@code telegram} platform: the Bot API over HTTP long polling.
 *
 * <p>{@link #start} reads {@link TelegramSettings}, checks the token with {@code getMe} (a wrong token fails at once),
 * clears any webhook (Telegram refuses {@code getUpdates} while one is set) and starts the {@link Poller}, which hands
 * every message to the host. {@link #send}, {@link #edit} and {@link #typing} go through {@link OutboundSender}; a
 * permanent refusal (HTTP 400 or 403) is a {@link RejectedException}, anything else stays a retryable IOException.
 * {@link #stop()} ends the poller and cancels every call in flight.
 *
 * <p>Threading: {@code start} and {@code stop} come from the gateway's supervisor thread for this channel; {@code send}
 * from any thread, concurrently.
 */
@Component(service = Channel.class, property = "hermes.id=" + TelegramChannel.PLATFORM)
public final class TelegramChannel implements Channel {

    static final String PLATFORM = "telegram";

    private static final System.Logger LOG = System.getLogger(TelegramChannel.class.getName());
    /** Telegram holds a long poll up to its timeout; the read timeout leaves room for a slow answer after that. */
    private static final Duration READ_MARGIN = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Pacing pacing;
    private final ObjectMapper json = new ObjectMapper();
    /** The next update wanted, kept across restarts so a restarted poller neither repeats nor skips updates. */
    private final AtomicLong offset = new AtomicLong();
    private final UnfinishedReplies unfinished = new UnfinishedReplies();
    private volatile Connection connection;

    /** What one start built; gone on stop. */
    private record Connection(OkHttpClient client, Poller poller, OutboundSender sender) {
    }

    public TelegramChannel() {
        this(Pacing.DEFAULT);
    }

    TelegramChannel(Pacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /**
     * @throws IllegalArgumentException when the token is missing or a setting is malformed
     * @throws IOException when Telegram cannot be reached or refuses the token
     */
    @Override
    public synchronized void start(Host host) throws IOException {
        stop();
        TelegramSettings settings = TelegramSettings.from(host);
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(settings.pollTimeout().plus(READ_MARGIN))
                .build();
        try {
            BotApi api = new BotApi(client, json, settings.baseUrl(), settings.token());
            JsonNode me = api.call("getMe", api.params());
            api.call("deleteWebhook", api.params());
            Poller poller = new Poller(api, new InboundReader(new TelegramMedia(api)), host::receive, offset,
                    settings.pollTimeout(), pacing);
            connection = new Connection(client, poller, new OutboundSender(api, settings.parseMode(), unfinished));
            poller.start();
            LOG.log(System.Logger.Level.INFO, "Telegram connected as @" + me.path("username").asText("?")
                    + " at " + settings.baseUrl().host());
        } catch (IOException | RuntimeException e) {
            close(client);
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        Connection current = connection;
        connection = null;
        if (current == null) {
            return;
        }
        current.client().dispatcher().cancelAll();
        current.poller().stop(STOP_WAIT);
        close(current.client());
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    public boolean isHealthy() {
        Connection current = connection;
        return current != null && current.poller().isHealthy();
    }

    /**
     * @throws RejectedException when Telegram refused the message for good (chat not found, bot blocked, a text it
     *     cannot parse) or the message has nothing Telegram can send
     * @throws IOException when the channel is not started, or Telegram did not confirm the message (with Telegram's
     *     description)
     */
    @Override
    public String send(Outbound message) throws IOException {
        OutboundSender sender = sender();
        try {
            return sender.send(message);
        } catch (TelegramException e) {
            throw e.permanent() ? new RejectedException(e.getMessage()) : e;
        } catch (IllegalArgumentException e) {
            // no text and no attachment, or an attachment URL of an unusable kind: no retry can change that
            throw new RejectedException(e.getMessage());
        }
    }

    /** {@code sendChatAction typing}; one attempt, as the gateway repeats it every few seconds anyway. */
    @Override
    public void typing(String chatId, Optional<String> threadId) throws IOException {
        sender().typing(chatId, threadId);
    }

    @Override
    public boolean canEdit() {
        return true;
    }

    /**
     * {@code editMessageText}; an edit to the text already shown succeeds, and a text longer than one Telegram message
     * keeps its first piece in the message and sends the rest as new messages (see {@link OutboundSender#edit}).
     *
     * @throws RejectedException when Telegram refused the edit for good (the message is gone, too old, or not the
     *     bot's)
     */
    @Override
    public void edit(String chatId, String messageId, String text) throws IOException {
        OutboundSender sender = sender();
        try {
            sender.edit(chatId, messageId, text);
        } catch (TelegramException e) {
            throw e.permanent() ? new RejectedException(e.getMessage()) : e;
        }
    }

    private OutboundSender sender() throws IOException {
        Connection current = connection;
        if (current == null) {
            throw new IOException("the Telegram channel is not connected; the message is sent once it is");
        }
        return current.sender();
    }

    private static void close(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
