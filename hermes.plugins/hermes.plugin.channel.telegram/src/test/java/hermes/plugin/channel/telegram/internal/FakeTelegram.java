package hermes.plugin.channel.telegram.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted Bot API server for MockWebServer: answers {@code getMe}, {@code deleteWebhook}, the send methods,
 * {@code editMessageText} and {@code sendChatAction} like Telegram, serves queued {@code getUpdates} batches (then empty lists), and lets a test queue any other answer per
 * method. Every request is recorded.
 */
final class FakeTelegram extends Dispatcher {

    static final String TOKEN = "123:secret";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request: the method (or {@code file/<path>}) and its JSON body ({@code null} for other bodies). */
    record Call(String method, JsonNode params, RecordedRequest request) {
    }

    private final Map<String, Deque<MockResponse>> scripted = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(100);

    static MockResponse ok(String resultJson) {
        return json(200, "{\"ok\":true,\"result\":" + resultJson + "}");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** Queues {@code response} as the next answer to {@code method}. */
    synchronized FakeTelegram answer(String method, MockResponse response) {
        scripted.computeIfAbsent(method, key -> new ArrayDeque<>()).add(response);
        return this;
    }

    /** Queues one batch of updates for {@code getUpdates}. */
    FakeTelegram updates(String resultArrayJson) {
        return answer("getUpdates", ok(resultArrayJson));
    }

    /** Serves {@code bytes} at the file path {@code getFile} names. */
    synchronized FakeTelegram file(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** The next recorded request for {@code method}, skipping others; fails when none comes within 5 s. */
    Call next(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Call call = calls.poll(100, TimeUnit.MILLISECONDS);
            if (call != null && call.method().equals(method)) {
                return call;
            }
        }
        throw new AssertionError("no " + method + " request within 5 s");
    }

    /** Requests recorded and not yet taken. */
    int pending() {
        return calls.size();
    }

    /** The methods of the requests recorded and not yet taken, in order, except polls; takes them. */
    List<String> drainExceptPolls() {
        List<Call> taken = new ArrayList<>();
        calls.drainTo(taken);
        return taken.stream().map(Call::method).filter(method -> !method.equals("getUpdates")).toList();
    }

    void forget() {
        calls.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String botPrefix = "/bot" + TOKEN + "/";
        String filePrefix = "/file/bot" + TOKEN + "/";
        if (path.startsWith(filePrefix)) {
            String file = path.substring(filePrefix.length());
            calls.add(new Call("file/" + file, null, request));
            byte[] bytes;
            synchronized (this) {
                bytes = files.get(file);
            }
            return bytes == null ? json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}")
                    : new MockResponse.Builder().body(new okio.Buffer().write(bytes)).build();
        }
        if (!path.startsWith(botPrefix)) {
            return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        String method = path.substring(botPrefix.length());
        calls.add(new Call(method, params(request), request));
        synchronized (this) {
            Deque<MockResponse> queue = scripted.get(method);
            if (queue != null && !queue.isEmpty()) {
                return queue.poll();
            }
        }
        return switch (method) {
            case "getMe" -> ok("{\"id\":42,\"is_bot\":true,\"first_name\":\"Hermes\",\"username\":\"hermes_test_bot\"}");
            case "deleteWebhook" -> ok("true");
            case "getUpdates" -> ok("[]");
            case "sendMessage", "sendPhoto", "sendDocument", "sendAudio", "sendVoice" ->
                    ok("{\"message_id\":" + nextMessageId.getAndIncrement() + ",\"chat\":{\"id\":1}}");
            case "editMessageText" -> ok("{\"message_id\":" + params(request).path("message_id").asText()
                    + ",\"chat\":{\"id\":1}}");
            case "sendChatAction" -> ok("true");
            default -> json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
        };
    }

    private static JsonNode params(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (request.getBody() == null || type == null || !type.startsWith("application/json")) {
            return null;
        }
        try {
            return JSON.readTree(request.getBody().utf8());
        } catch (Exception e) {
            throw new AssertionError("the channel sent malformed JSON", e);
        }
    }
}
