package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A scripted fake model server on loopback that speaks OpenAI Chat Completions ({@code POST …/chat/completions}) and
 * Anthropic Messages ({@code POST …/messages}), streamed and not, built on OkHttp's MockWebServer.
 *
 * <p>Replies are served in the order they were {@linkplain #enqueue enqueued}, whatever the format of the request
 * that takes them: the request path picks the wire format, the request's {@code "stream"} flag picks streaming. When
 * the script is used up, a {@linkplain #respondWith responder} answers; with neither, the server answers HTTP 500 with
 * an error body saying that the script ran out, so a test that makes one call too many fails loudly. Other paths get
 * a 404 error. Every request is {@linkplain #requests() captured}, whatever it was answered with.
 *
 * <pre>{@code
 * try (FakeModelServer server = new FakeModelServer().start()) {
 *     server.enqueue(Reply.text("Hi there"));
 *     // point the client at server.openAiBaseUrl() or server.anthropicBaseUrl() and call it
 *     CapturedRequest request = server.takeRequest(Duration.ofSeconds(5));
 *     assertThat(request.lastUserText()).isEqualTo("hello");
 * }
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread, also while requests are being served.
 * Run it standalone with {@link #main(String[])}.
 */
public final class FakeModelServer implements AutoCloseable {

    private static final String USAGE =
            "usage: java -cp <jars> hermes.testing.FakeModelServer [--port N] [--script replies.json] [--echo]"
                    + " [--latency-ms N]";

    private final MockWebServer http = new MockWebServer();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Optional<Function<CapturedRequest, Reply>> responder = Optional.empty();
    private final List<CapturedRequest> captured = new ArrayList<>();
    /** Off in a standalone server: nothing can read its captures, and a long benchmark would pile them up. */
    private volatile boolean capturing = true;
    /** The arrival count when not capturing; guarded by {@code captured}. */
    private int uncapturedCount;
    private final BlockingQueue<CapturedRequest> untaken = new LinkedBlockingQueue<>();
    private final OpenAiWire openAi = new OpenAiWire();
    private final AnthropicWire anthropic = new AnthropicWire();

    /** A server that is not listening yet; call {@link #start()}. */
    public FakeModelServer() {
        http.setServerSocketFactory(new NoDelayServerSockets());
        http.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // MockWebServer keeps its own copy of every request; drop it so endless benchmark runs hold one only
                http.takeRequest(0, TimeUnit.NANOSECONDS);
                return serve(request);
            }
        });
    }

    /**
     * Starts listening on 127.0.0.1 at a free port.
     *
     * @return this server
     * @throws UncheckedIOException when the socket cannot be bound
     * @throws IllegalStateException when the server was started before
     */
    public FakeModelServer start() {
        return start(0);
    }

    /**
     * Starts listening on 127.0.0.1 at {@code port}, or at a free port when it is 0.
     *
     * @return this server
     * @throws UncheckedIOException when the port cannot be bound (for example because it is in use)
     * @throws IllegalStateException when the server was started before
     */
    public FakeModelServer start(int port) {
        try {
            http.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The port the server listens on; throws {@link IllegalStateException} before {@link #start()}. */
    public int port() {
        if (!http.getStarted()) {
            throw new IllegalStateException("the fake model server is not started; call start() first");
        }
        return http.getPort();
    }

    /** The base URL an OpenAI-compatible client appends {@code /chat/completions} to: {@code http://127.0.0.1:PORT/v1}. */
    public String openAiBaseUrl() {
        return anthropicBaseUrl() + "/v1";
    }

    /** The base URL an Anthropic client appends {@code /v1/messages} to: {@code http://127.0.0.1:PORT}. */
    public String anthropicBaseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Appends replies to the script; they are served in order, one per model request. */
    public FakeModelServer enqueue(Reply... replies) {
        for (Reply reply : replies) {
            script.add(Objects.requireNonNull(reply, "reply"));
        }
        return this;
    }

    /** How many enqueued replies have not been served yet. */
    public int pendingReplies() {
        return script.size();
    }

    /**
     * Answers every model request the script leaves unanswered with {@code responder}, for ever (for example
     * {@code request -> Reply.text("echo: " + request.lastUserText())}). The function runs on server threads, maybe
     * several at once; when it throws, the request gets HTTP 500 with the exception's message. Replaces an earlier
     * responder.
     */
    public FakeModelServer respondWith(Function<CapturedRequest, Reply> responder) {
        this.responder = Optional.of(Objects.requireNonNull(responder, "responder"));
        return this;
    }

    /** Every request received so far, in arrival order, including those already {@linkplain #takeRequest taken}. */
    public List<CapturedRequest> requests() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    /**
     * The oldest request not taken before, waiting for one to arrive if needed.
     *
     * @throws AssertionError when no request arrives within {@code timeout}
     */
    public CapturedRequest takeRequest(Duration timeout) {
        try {
            CapturedRequest request = untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the fake model server within " + timeout
                        + " (" + requests().size() + " received in all)");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
    }

    /**
     * Waits until at least {@code count} requests have arrived and returns all received so far.
     *
     * @throws AssertionError when fewer arrive within {@code timeout}
     */
    public List<CapturedRequest> awaitRequestCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (captured) {
            try {
                while (captured.size() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("expected " + count + " requests within " + timeout + ", got "
                                + captured.size() + ": " + captured.stream().map(CapturedRequest::path).toList());
                    }
                    TimeUnit.NANOSECONDS.timedWait(captured, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + count + " requests", e);
            }
            return List.copyOf(captured);
        }
    }

    /** Stops listening and drops open connections, also those in a {@linkplain Reply#withDelay delay}. */
    @Override
    public void close() {
        http.close();
    }

    /**
     * Runs the server standalone until the process is killed. Arguments: {@code --port N} (default: a free port),
     * {@code --script replies.json} (a JSON array of replies, see the module README) and {@code --echo} (once the
     * script is used up, answer every request with the text {@code echo: <last user message>}) and
     * {@code --latency-ms N} (every reply without a delay of its own waits N ms before its first byte, as a model
     * that takes time to answer; for load benchmarks). Requests are not captured. Prints
     * {@code listening on http://127.0.0.1:PORT} on standard output once it accepts connections; exits with status 2
     * and a usage line on bad arguments.
     */
    public static void main(String[] args) throws InterruptedException {
        FakeModelServer server;
        try {
            server = launch(args);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("fake model server: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        server.capturing = false;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fake-model-server-shutdown"));
        System.out.println("listening on " + server.anthropicBaseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Parses {@link #main} arguments and returns the started server; throws {@link IllegalArgumentException} on bad ones. */
    static FakeModelServer launch(String... args) {
        int port = 0;
        List<Reply> replies = List.of();
        boolean echo = false;
        Duration latency = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(valueAfter(args, i++));
                case "--script" -> replies = ScriptFile.read(Path.of(valueAfter(args, i++)));
                case "--echo" -> echo = true;
                case "--latency-ms" -> latency = Duration.ofMillis(parseMillis(valueAfter(args, i++)));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        Duration delay = latency;
        FakeModelServer server = new FakeModelServer()
                .enqueue(replies.stream().map(reply -> withLatency(reply, delay)).toArray(Reply[]::new));
        if (echo) {
            server.respondWith(request -> Reply.text("echo: " + request.lastUserText()).withDelay(delay));
        }
        return server.start(port);
    }

    private static String valueAfter(String[] args, int index) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(args[index] + " needs a value");
        }
        return args[index + 1];
    }

    /** A script entry's own {@code delay_ms} wins over {@code --latency-ms}. */
    private static Reply withLatency(Reply reply, Duration latency) {
        return reply.delay().isZero() ? reply.withDelay(latency) : reply;
    }

    private static long parseMillis(String value) {
        try {
            long millis = Long.parseLong(value);
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--latency-ms needs a whole number of milliseconds >= 0, got '" + value
                    + "'", e);
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'", e);
        }
    }

    private MockResponse serve(RecordedRequest recorded) {
        CapturedRequest request = toCaptured(recorded);
        int sequence = record(request);
        Wire wire = request.format() == CapturedRequest.Format.ANTHROPIC ? anthropic : openAi;
        if (!"POST".equals(request.method())
                || !(request.path().endsWith("/chat/completions") || request.path().endsWith("/messages"))) {
            return wire.failure(Reply.failure(404, "fake model server: no endpoint " + request.method() + " "
                    + request.path() + "; it serves POST …/chat/completions (OpenAI) and POST …/messages (Anthropic)"));
        }
        JsonNode json;
        try {
            json = request.json();
        } catch (IllegalArgumentException e) {
            return wire.failure(Reply.failure(400, "fake model server: the request body is " + e.getMessage()));
        }
        Reply reply;
        try {
            reply = nextReply(request, sequence);
        } catch (RuntimeException e) {
            return wire.failure(Reply.failure(500, "fake model server: the responder failed on request #" + sequence
                    + ": " + e));
        }
        return reply.kind() == Reply.Kind.FAILURE ? wire.failure(reply) : wire.answer(reply, request, json, sequence);
    }

    private Reply nextReply(CapturedRequest request, int sequence) {
        Reply scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        return responder.map(answer -> Objects.requireNonNull(answer.apply(request), "the responder returned null"))
                .orElseGet(() -> Reply.failure(500, "fake model server: the script ran out — request #" + sequence
                        + " (" + request.method() + " " + request.path() + ") has no reply left; enqueue another"
                        + " Reply or set respondWith(…)"));
    }

    private static CapturedRequest toCaptured(RecordedRequest recorded) {
        Map<String, String> headers = new LinkedHashMap<>();
        recorded.getHeaders().forEach(header -> headers.merge(header.getFirst(), header.getSecond(),
                (first, second) -> first + ", " + second));
        String body = recorded.getBody() == null ? "" : recorded.getBody().string(StandardCharsets.UTF_8);
        return new CapturedRequest(recorded.getMethod(), recorded.getUrl().encodedPath(), headers, body);
    }

    /** Stores the request for the capture methods and returns its arrival number, counting from 1. */
    private int record(CapturedRequest request) {
        synchronized (captured) {
            if (!capturing) {
                return ++uncapturedCount;
            }
            untaken.add(request);
            captured.add(request);
            captured.notifyAll();
            return captured.size();
        }
    }
}
