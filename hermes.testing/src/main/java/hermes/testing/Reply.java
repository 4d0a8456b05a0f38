package hermes.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted answer of the {@link FakeModelServer}, written in the wire format of whichever request receives it.
 *
 * <p>A reply is an <em>answer</em> (text, tool calls, reasoning, usage), a <em>failure</em> (an HTTP error with the
 * provider's error body) or a <em>disconnect</em> (the connection drops half-way through the response). Every
 * {@code with…} method returns a new reply; instances are immutable and may be enqueued many times and shared
 * between threads.
 *
 * <pre>{@code
 * server.enqueue(
 *     Reply.toolCalls(ToolCallReply.of("call_1", "todo", "{\"todos\":[]}")),
 *     Reply.text("Done.").withUsage(1200, 40, 1000, 0));
 * }</pre>
 */
public final class Reply {

    /** The signature the server puts on every thinking block; a client must send it back unchanged. */
    public static final String THINKING_SIGNATURE = "ZmFrZS10aGlua2luZy1zaWduYXR1cmU=";

    /** Streamed text, reasoning and tool arguments are split into fragments of this many characters by default. */
    public static final int DEFAULT_CHUNK_SIZE = 7;

    enum Kind { ANSWER, FAILURE, DISCONNECT }

    /** Token counts as the {@code hermes.api.Usage} record defines them: input includes the cached tokens. */
    record TokenUsage(long input, long output, long cacheRead, long cacheWrite) {
    }

    /** What a failure says; {@code contextLength} selects the provider's context-length wording and codes. */
    record Failure(int status, String message, boolean contextLength) {
    }

    private static final String DISCONNECTED_TEXT =
            "This answer is cut off half-way because the fake server drops the connection.";

    private final Kind kind;
    private final String text;
    private final List<ToolCallReply> toolCalls;
    private final Optional<String> reasoning;
    private final Optional<TokenUsage> usage;
    private final Optional<Failure> failure;
    private final Optional<Duration> retryAfter;
    private final Duration delay;
    private final int chunkSize;
    private final Duration framePause;

    private Reply(Kind kind, String text, List<ToolCallReply> toolCalls, Optional<String> reasoning,
                  Optional<TokenUsage> usage, Optional<Failure> failure, Optional<Duration> retryAfter,
                  Duration delay, int chunkSize, Duration framePause) {
        this.kind = kind;
        this.text = text;
        this.toolCalls = List.copyOf(toolCalls);
        this.reasoning = reasoning;
        this.usage = usage;
        this.failure = failure;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.chunkSize = chunkSize;
        this.framePause = framePause;
    }

    private static Reply answer(String text, List<ToolCallReply> toolCalls) {
        return new Reply(Kind.ANSWER, text, toolCalls, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ZERO, DEFAULT_CHUNK_SIZE, Duration.ZERO);
    }

    /** An assistant answer with this text and no tool calls ({@code stop} / {@code end_turn}). */
    public static Reply text(String text) {
        return answer(Objects.requireNonNull(text, "text"), List.of());
    }

    /**
     * An assistant answer that asks for these tool calls ({@code tool_calls} / {@code tool_use}) and has no text.
     *
     * @throws IllegalArgumentException when no call is given
     */
    public static Reply toolCalls(ToolCallReply... calls) {
        return answer("", requireCalls(calls));
    }

    /**
     * An HTTP error with a real error body in the request's format: OpenAI {@code {"error":{"message","type",
     * "code"}}}, Anthropic {@code {"type":"error","error":{"type","message"}}}, the type chosen from the status the
     * way each provider does (429 → {@code rate_limit_error} / {@code rate_limit_exceeded}, 529 →
     * {@code overloaded_error}, …).
     *
     * @throws IllegalArgumentException when {@code status} is not a 4xx or 5xx code
     */
    public static Reply failure(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure needs a 4xx or 5xx status, got " + status);
        }
        return failure(new Failure(status, Objects.requireNonNull(message, "message"), false));
    }

    /**
     * HTTP 400 in the provider's context-length wording: OpenAI code {@code context_length_exceeded} with "This
     * model's maximum context length is …", Anthropic {@code invalid_request_error} with "prompt is too long: …".
     */
    public static Reply contextLengthExceeded() {
        return failure(new Failure(400, "", true));
    }

    /**
     * A response that starts normally (status 200 and headers, streamed or not as the request asks) and whose
     * connection is closed half-way through the body, so the client sees a truncated body or stream.
     */
    public static Reply disconnect() {
        return new Reply(Kind.DISCONNECT, DISCONNECTED_TEXT, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ZERO, DEFAULT_CHUNK_SIZE, Duration.ZERO);
    }

    private static Reply failure(Failure failure) {
        return new Reply(Kind.FAILURE, "", List.of(), Optional.empty(), Optional.empty(), Optional.of(failure),
                Optional.empty(), Duration.ZERO, DEFAULT_CHUNK_SIZE, Duration.ZERO);
    }

    /** This answer plus the given tool calls after its text, as a model that says something and then acts. */
    public Reply withToolCalls(ToolCallReply... calls) {
        requireAnswer("withToolCalls");
        List<ToolCallReply> all = new ArrayList<>(toolCalls);
        all.addAll(requireCalls(calls));
        return new Reply(kind, text, all, reasoning, usage, failure, retryAfter, delay, chunkSize, framePause);
    }

    /**
     * This answer with visible reasoning: OpenAI-compatible {@code reasoning_content} (a message field, or
     * {@code delta.reasoning_content} when streamed), Anthropic a {@code thinking} block first in the content, signed
     * with {@link #THINKING_SIGNATURE}.
     */
    public Reply withReasoning(String reasoning) {
        requireAnswer("withReasoning");
        return new Reply(kind, text, toolCalls, Optional.of(Objects.requireNonNull(reasoning, "reasoning")), usage,
                failure, retryAfter, delay, chunkSize, framePause);
    }

    /**
     * This answer with exact token counts, in the meaning of {@code hermes.api.Usage}: {@code input} counts all prompt
     * tokens, cached ones included. OpenAI reports {@code prompt_tokens = input} and {@code cached_tokens =
     * cacheRead} (it has no cache-write count); Anthropic reports {@code input_tokens = input - cacheRead -
     * cacheWrite} beside {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}. Without this call
     * the counts are estimated at four characters a token and no cache use.
     *
     * @throws IllegalArgumentException when a count is negative or the cached tokens exceed {@code input}
     */
    public Reply withUsage(long input, long output, long cacheRead, long cacheWrite) {
        requireAnswer("withUsage");
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0 || cacheRead + cacheWrite > input) {
            throw new IllegalArgumentException("usage needs non-negative counts with cacheRead + cacheWrite <= input,"
                    + " got input=" + input + " output=" + output + " cacheRead=" + cacheRead
                    + " cacheWrite=" + cacheWrite);
        }
        return new Reply(kind, text, toolCalls, reasoning,
                Optional.of(new TokenUsage(input, output, cacheRead, cacheWrite)), failure, retryAfter, delay,
                chunkSize, framePause);
    }

    /** This reply, sent only after waiting {@code delay} before the first byte of the response (status line included). */
    public Reply withDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return new Reply(kind, text, toolCalls, reasoning, usage, failure, retryAfter, delay, chunkSize, framePause);
    }

    /**
     * This reply with streamed text, reasoning and tool arguments split into fragments of {@code size} characters
     * (default {@value #DEFAULT_CHUNK_SIZE}, small on purpose so clients must reassemble). No effect on non-streamed
     * responses.
     */
    public Reply withChunkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
        }
        return new Reply(kind, text, toolCalls, reasoning, usage, failure, retryAfter, delay, size, framePause);
    }

    /**
     * This reply streamed with a pause of {@code pause} after every event, as a model that writes slowly (to watch a
     * client show an answer as it grows). No effect on non-streamed responses.
     */
    public Reply withFramePause(Duration pause) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative, got " + pause);
        }
        return new Reply(kind, text, toolCalls, reasoning, usage, failure, retryAfter, delay, chunkSize, pause);
    }

    /** This failure with a {@code retry-after} header of the given whole seconds (rounded up). */
    public Reply withRetryAfter(Duration wait) {
        if (kind != Kind.FAILURE) {
            throw new IllegalStateException("withRetryAfter applies to Reply.failure(…), not to a " + describe());
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("retry-after must not be negative, got " + wait);
        }
        return new Reply(kind, text, toolCalls, reasoning, usage, failure, Optional.of(wait), delay, chunkSize,
                framePause);
    }

    Duration framePause() {
        return framePause;
    }

    Kind kind() {
        return kind;
    }

    String text() {
        return text;
    }

    List<ToolCallReply> calls() {
        return toolCalls;
    }

    Optional<String> reasoning() {
        return reasoning;
    }

    Failure failure() {
        return failure.orElseThrow(() -> new IllegalStateException("not a failure: " + describe()));
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    Duration delay() {
        return delay;
    }

    int chunkSize() {
        return chunkSize;
    }

    /** {@code value} split into fragments of {@link #chunkSize()} code points (never splitting a surrogate pair). */
    List<String> fragments(String value) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < value.length()) {
            int end = value.offsetByCodePoints(start, Math.min(chunkSize, value.codePointCount(start, value.length())));
            pieces.add(value.substring(start, end));
            start = end;
        }
        return pieces;
    }

    boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** The scripted usage, or an estimate at four characters a token of the request body and of this answer. */
    TokenUsage usageFor(String requestBody) {
        return usage.orElseGet(() -> {
            long outputChars = text.length() + reasoning.map(String::length).orElse(0)
                    + toolCalls.stream().mapToLong(c -> c.name().length() + c.arguments().length()).sum();
            return new TokenUsage(Math.max(1, requestBody.length() / 4), Math.max(1, outputChars / 4), 0, 0);
        });
    }

    private void requireAnswer(String method) {
        if (kind != Kind.ANSWER) {
            throw new IllegalStateException(method + " applies to answers (Reply.text, Reply.toolCalls), not to a "
                    + describe());
        }
    }

    private static List<ToolCallReply> requireCalls(ToolCallReply... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("give at least one ToolCallReply");
        }
        return List.of(calls);
    }

    private String describe() {
        return switch (kind) {
            case ANSWER -> "text answer";
            case FAILURE -> "failure";
            case DISCONNECT -> "disconnect";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANSWER -> "Reply.text(" + text + ")" + (toolCalls.isEmpty() ? "" : " with tool calls " + toolCalls);
            case FAILURE -> failure().contextLength() ? "Reply.contextLengthExceeded()"
                    : "Reply.failure(" + failure().status() + ", " + failure().message() + ")";
            case DISCONNECT -> "Reply.disconnect()";
        };
    }
}
