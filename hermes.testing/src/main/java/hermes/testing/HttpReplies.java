package hermes.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/** Turns rendered JSON and SSE frames into MockWebServer responses, applying a reply's delay and disconnect. */
final class HttpReplies {

    private HttpReplies() {
    }

    /** A JSON response with this status; for failures with a {@code retry-after} header when the reply has one. */
    static MockResponse json(int status, String json, Reply reply) {
        MockResponse.Builder builder = new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(json);
        reply.retryAfter().ifPresent(wait -> builder.setHeader("retry-after", wholeSecondsRoundedUp(wait)));
        return finish(builder, reply);
    }

    /**
     * A 200 {@code text/event-stream} response sent with chunked transfer encoding, one HTTP chunk per frame and a
     * flush after each, so a client receives the events one by one as from a real streaming API.
     */
    static MockResponse eventStream(List<String> frames, Reply reply) {
        MockResponse.Builder builder = new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream; charset=utf-8")
                .setHeader("Cache-Control", "no-cache")
                .body(new ChunkedFrames(frames, reply.framePause()))
                // body() sets Content-Length from the body; a stream announces no length
                .removeHeader("Content-Length")
                .setHeader("Transfer-Encoding", "chunked");
        return finish(builder, reply);
    }

    private static MockResponse finish(MockResponse.Builder builder, Reply reply) {
        if (!reply.delay().isZero()) {
            builder.headersDelay(reply.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (reply.kind() == Reply.Kind.DISCONNECT) {
            // MockWebServer fires this once half of the body's bytes are written, then discards the rest
            builder.onResponseBody(new SocketEffect.CloseSocket(true, false, false));
        }
        return builder.build();
    }

    private static long wholeSecondsRoundedUp(Duration wait) {
        return wait.plusNanos(999_999_999L).getSeconds();
    }

    /** SSE frames written as HTTP/1.1 chunks; the terminating zero-length chunk's final CRLF comes from MockWebServer. */
    private static final class ChunkedFrames implements MockResponseBody {

        private final List<byte[]> frames;
        private final long framedLength;
        private final Duration pause;

        ChunkedFrames(List<String> frames, Duration pause) {
            this.pause = pause;
            this.frames = frames.stream().map(frame -> frame.getBytes(StandardCharsets.UTF_8)).toList();
            // the framed size, so a disconnect effect can find the half-way point: "<hex>\r\n<frame>\r\n" … "0\r\n"
            this.framedLength = this.frames.stream()
                    .mapToLong(f -> Long.toHexString(f.length).length() + 4L + f.length).sum() + 3;
        }

        @Override
        public long getContentLength() {
            return framedLength;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (byte[] frame : frames) {
                sink.writeHexadecimalUnsignedLong(frame.length).writeUtf8("\r\n").write(frame).writeUtf8("\r\n");
                sink.flush();
                pause();
            }
            sink.writeUtf8("0\r\n");
        }

        private void pause() throws IOException {
            if (pause.isZero()) {
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted between frames");
            }
        }
    }
}
