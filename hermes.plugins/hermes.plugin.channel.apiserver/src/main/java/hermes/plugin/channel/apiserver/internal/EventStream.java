package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import hermes.api.Event;
import hermes.api.ToolCall;
import hermes.api.Usage;

/**
 * The server-sent events of one streamed chat completion, in OpenAI's format: {@code data: <chat.completion.chunk>}
 * lines, the first naming the role, the last carrying the finish reason and usage, then {@code data: [DONE]}.
 *
 * <p>Tool progress goes inline as the original sends it: a named event {@code event: hermes.tool.progress} with
 * {@code {"tool", "emoji", "label", "toolCallId", "status": "running"}} when a tool starts and
 * {@code {"tool", "toolCallId", "status": "completed"}} when it ends. Being named events, they never mix into the
 * answer's text (a client that keeps the text as history keeps no progress lines).
 *
 * <p>The answer starts lazily, on the first thing to send: the status line and the {@code X-Hermes-Session-Id} header go
 * out as late as possible, so a session that the runtime compacted at the start of the turn (it continues under a new
 * id) is reported by its new id, and a turn that fails before saying anything is answered with a plain HTTP error.
 *
 * <p>Every write is flushed; a write that fails means the client went away ({@link IOException}).
 *
 * <p>Threading: the request's thread only.
 */
final class EventStream {

    /** How much of a tool's arguments a progress label shows. */
    static final int LABEL_ARGUMENTS_WIDTH = 60;

    private final HttpExchange exchange;
    private final CompletionJson json;
    private final CompletionJson.Header header;
    private final Supplier<String> sessionId;
    private final Set<String> runningTools = new HashSet<>();
    private OutputStream out;

    EventStream(HttpExchange exchange, CompletionJson json, CompletionJson.Header header, Supplier<String> sessionId) {
        this.exchange = exchange;
        this.json = json;
        this.header = header;
        this.sessionId = sessionId;
    }

    /** Whether the answer has begun (status and headers sent). */
    boolean started() {
        return out != null;
    }

    void text(String text) throws IOException {
        data(json.contentChunk(header, text));
    }

    /** Reports a tool that started; internal tools ({@code _name}) stay off the wire, as in the original. */
    void toolStarted(Event.ToolStarted started) throws IOException {
        if (started.toolName().startsWith("_")) {
            return;
        }
        runningTools.add(started.callId());
        ObjectNode progress = json.mapper().createObjectNode().put("tool", started.toolName()).put("emoji", "⚙")
                .put("label", label(started)).put("toolCallId", started.callId()).put("status", "running");
        event("hermes.tool.progress", progress);
    }

    /** Reports a tool that ended; one whose start was not reported is skipped, so clients never see an orphan. */
    void toolFinished(Event.ToolFinished finished) throws IOException {
        if (!runningTools.remove(finished.callId())) {
            return;
        }
        ObjectNode progress = json.mapper().createObjectNode().put("tool", finished.toolName())
                .put("toolCallId", finished.callId()).put("status", "completed");
        event("hermes.tool.progress", progress);
    }

    /** An SSE comment: keeps proxies from closing an idle stream and finds out early when the client is gone. */
    void keepalive() throws IOException {
        write(": keepalive\n\n");
    }

    /** The last chunk and the end marker. */
    void finish(String finishReason, Usage usage) throws IOException {
        data(json.finalChunk(header, finishReason, usage));
        write("data: [DONE]\n\n");
    }

    /**
     * Ends the stream with an error object (OpenAI's SDKs raise it as an API error) and the end marker.
     *
     * @throws ApiError the same error, when the answer has not begun: then it goes out as a plain HTTP error instead
     */
    void fail(ApiError error) throws IOException, ApiError {
        if (!started()) {
            throw error;
        }
        data(json.error(error));
        write("data: [DONE]\n\n");
    }

    private void data(JsonNode chunk) throws IOException {
        write("data: " + new String(json.bytes(chunk), StandardCharsets.UTF_8) + "\n\n");
    }

    private void event(String name, JsonNode data) throws IOException {
        write("event: " + name + "\ndata: " + new String(json.bytes(data), StandardCharsets.UTF_8) + "\n\n");
    }

    private void write(String text) throws IOException {
        begin();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void begin() throws IOException {
        if (out != null) {
            return;
        }
        Map.of("Content-Type", "text/event-stream", "Cache-Control", "no-cache", "X-Accel-Buffering", "no",
                Exchanges.SESSION_HEADER, sessionId.get()).forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(200, 0);
        out = exchange.getResponseBody();
        byte[] role = ("data: " + new String(json.bytes(json.roleChunk(header)), StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write(role);
    }

    /**
     * What a tool call is about, in one short line: the tool's name and its first text argument (a command, a path,
     * a query), else its arguments as {@code key=value}.
     */
    static String label(Event.ToolStarted started) {
        Map<String, Object> arguments;
        try {
            arguments = new ToolCall(started.callId(), started.toolName(), started.arguments()).parsedArguments();
        } catch (IllegalArgumentException malformed) {
            return started.toolName();
        }
        String summary = arguments.values().stream().filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElseGet(() -> arguments.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
        String flat = summary.strip().replaceAll("\\s+", " ");
        if (flat.length() > LABEL_ARGUMENTS_WIDTH) {
            int end = LABEL_ARGUMENTS_WIDTH - 1;
            flat = flat.substring(0, Character.isHighSurrogate(flat.charAt(end - 1)) ? end - 1 : end) + "…";
        }
        return flat.isEmpty() ? started.toolName() : started.toolName() + ": " + flat;
    }
}
