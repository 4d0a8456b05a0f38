package hermes.plugin.channel.telegram.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Calls of the Telegram Bot API ({@code POST {base}/bot<token>/<method>}), answered as {@code {"ok":true,"result":…}}
 * or {@code {"ok":false,"error_code":…,"description":…}}.
 *
 * <p>A 429 is waited out ({@code retry_after}) and the call repeated, up to {@value #RATE_LIMIT_ATTEMPTS} times when
 * the wait is at most {@link #MAX_RATE_LIMIT_WAIT}; longer waits are left to the caller, whose backoff or outbox retries
 * later. The token is part of every URL, so no URL ever goes into a message or a log.
 *
 * <p>Thread safe. Calls block; cancelling the client's calls ({@code dispatcher().cancelAll()}) ends them with an
 * {@link IOException}.
 */
final class BotApi {

    static final int RATE_LIMIT_ATTEMPTS = 3;
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    /** The Bot API lets bots download files up to 20 MB. */
    static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final ObjectMapper json;
    private final HttpUrl baseUrl;
    private final String token;

    BotApi(OkHttpClient client, ObjectMapper json, HttpUrl baseUrl, String token) {
        this.client = client;
        this.json = json;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    ObjectNode params() {
        return json.createObjectNode();
    }

    /** Calls {@code method} with JSON parameters; returns its {@code result}. */
    JsonNode call(String method, ObjectNode params) throws IOException {
        return call(method, RequestBody.create(json.writeValueAsString(params), JSON));
    }

    /**
     * Calls {@code method} once, never waiting out a rate limit: for hints such as chat actions, which are stale after
     * a wait and are repeated anyway.
     */
    JsonNode callOnce(String method, ObjectNode params) throws IOException {
        return once(method, RequestBody.create(json.writeValueAsString(params), JSON));
    }

    /** Calls {@code method} with a prepared body (multipart uploads); returns its {@code result}. */
    JsonNode call(String method, RequestBody body) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, body);
            } catch (TelegramException e) {
                Optional<Duration> wait = e.retryAfter().filter(after -> after.compareTo(MAX_RATE_LIMIT_WAIT) <= 0);
                if (wait.isEmpty() || attempt >= RATE_LIMIT_ATTEMPTS) {
                    throw e;
                }
                pause(wait.get());
            }
        }
    }

    /** Downloads a file {@code getFile} named; refuses files over {@value #MAX_DOWNLOAD_BYTES} bytes. */
    byte[] download(String filePath) throws IOException {
        HttpUrl url = baseUrl.newBuilder().addPathSegment("file").addPathSegment("bot" + token)
                .addPathSegments(filePath).build();
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new TelegramException("Telegram refused to download " + filePath + " (HTTP " + response.code()
                        + ")", response.code(), Optional.empty());
            }
            ResponseBody body = response.body();
            if (body.contentLength() > MAX_DOWNLOAD_BYTES) {
                throw new IOException(filePath + " is larger than the 20 MB bots may download");
            }
            byte[] bytes = body.bytes();
            if (bytes.length > MAX_DOWNLOAD_BYTES) {
                throw new IOException(filePath + " is larger than the 20 MB bots may download");
            }
            return bytes;
        }
    }

    private JsonNode once(String method, RequestBody body) throws IOException {
        HttpUrl url = baseUrl.newBuilder().addPathSegment("bot" + token).addPathSegment(method).build();
        try (Response response = client.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
            String text = response.body().string();
            JsonNode answer = parse(text);
            if (response.isSuccessful() && answer.path("ok").asBoolean(false)) {
                return answer.path("result");
            }
            int code = answer.path("error_code").asInt(response.code());
            String description = answer.path("description").asText(answer.path("message").asText(""));
            if (description.isBlank()) {
                description = text.isBlank() ? "no description" : abbreviate(text);
            }
            Optional<Duration> retryAfter = answer.path("parameters").has("retry_after")
                    ? Optional.of(Duration.ofSeconds(answer.path("parameters").path("retry_after").asLong()))
                    : Optional.empty();
            throw new TelegramException("Telegram " + method + " failed (" + code + "): " + description + hint(code),
                    code, retryAfter);
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node == null ? json.createObjectNode() : node;
        } catch (JsonProcessingException notJson) {
            return json.createObjectNode();
        }
    }

    private static String hint(int code) {
        return switch (code) {
            case 401, 404 -> "; check TELEGRAM_BOT_TOKEN (BotFather's token for this bot)";
            case 409 -> "; another program polls this bot, or a webhook is set: stop the other instance";
            default -> "";
        };
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private static void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting out Telegram's rate limit");
        }
    }
}
