package hermes.plugin.channel.apiserver.internal;

import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.MAPPER;
import static hermes.plugin.channel.apiserver.internal.ServerUnderTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.ToolResult;
import hermes.api.Usage;

class StreamingTest {

    /** One server-sent event: its name ({@code message} when unnamed) and its data. */
    record Sse(String event, String data) {
        JsonNode json() throws Exception {
            return MAPPER.readTree(data);
        }
    }

    private ServerUnderTest server;

    @BeforeEach
    void start() throws Exception {
        server = ServerUnderTest.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStreamSendsTheRoleThenTheDeltasThenTheFinishReasonAndDone() throws Exception {
        HttpResponse<List<String>> response = server.chatStream(messages(true, "user", "Say hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("X-Hermes-Session-Id"))
                .hasValue(server.runtime.onlySession().id());
        List<Sse> events = events(response.body());
        assertThat(events).allMatch(e -> e.event().equals("message"));
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (Sse event : events.subList(0, events.size() - 1)) {
            chunks.add(event.json());
        }
        assertThat(chunks).extracting(c -> c.path("object").asText()).containsOnly("chat.completion.chunk");
        assertThat(chunks).extracting(c -> c.path("id").asText()).containsOnly(chunks.getFirst().path("id").asText());
        assertThat(chunks).extracting(c -> c.path("model").asText()).containsOnly("my-model");
        assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("role").asText())
                .isEqualTo("assistant");
        assertThat(chunks.stream().map(c -> c.path("choices").get(0).path("delta").path("content").asText(""))
                .collect(Collectors.joining())).isEqualTo("Hello, world");
        JsonNode last = chunks.getLast();
        assertThat(last.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("choices").get(0).path("delta")).isEmpty();
        assertThat(last.path("usage").path("total_tokens").asLong()).isEqualTo(17);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allMatch(c -> c.path("choices").get(0).path("finish_reason").isNull());
        ServerUnderTest.await(server.runtime.onlySession()::isClosed);
    }

    @Test
    void theStreamEndsOnlyOnceItsSessionIsClosedSoTheNextTurnFindsItFree() throws Exception {
        String id = server.chat(messages(false, "user", "turn 0")).headers().firstValue("X-Hermes-Session-Id")
                .orElseThrow();

        for (int turn = 1; turn <= 10; turn++) {
            HttpResponse<List<String>> response = server.chatStream(messages(true, "user", "turn " + turn),
                    "X-Hermes-Session-Id", id);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(events(response.body()).getLast().data()).isEqualTo("[DONE]");
            assertThat(server.runtime.sessions.get(turn).isClosed()).isTrue();
        }
    }

    @Test
    void toolProgressGoesInlineAsNamedEventsAndNeverIntoTheText() throws Exception {
        server.runtime.script = (session, turn) -> {
            session.emit(new Event.TextDelta("Let me look. "));
            session.emit(new Event.ToolStarted("call_1", "terminal", "{\"command\": \"ls -la\", \"timeout\": 5}"));
            session.emit(new Event.ToolStarted("call_2", "_thinking", "{}"));
            session.emit(new Event.ToolFinished("call_2", "_thinking", ToolResult.ok(""), Duration.ZERO));
            session.emit(new Event.ToolFinished("call_1", "terminal", ToolResult.ok("a b"), Duration.ofMillis(5)));
            session.emit(new Event.TextDelta("Two files."));
            session.emit(new Event.TurnFinished("stop", FakeRuntime.USAGE, 2, "Two files."));
        };

        List<Sse> events = events(server.chatStream(messages(true, "user", "list files")).body());

        List<JsonNode> progress = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Sse event : events) {
            if (event.event().equals("hermes.tool.progress")) {
                progress.add(event.json());
            } else if (!event.data().equals("[DONE]")) {
                text.append(event.json().path("choices").get(0).path("delta").path("content").asText(""));
            }
        }
        assertThat(progress).containsExactly(
                MAPPER.readTree("""
                        {"tool": "terminal", "emoji": "⚙", "label": "terminal: ls -la", "toolCallId": "call_1",
                         "status": "running"}"""),
                MAPPER.readTree("{\"tool\": \"terminal\", \"toolCallId\": \"call_1\", \"status\": \"completed\"}"));
        assertThat(text.toString()).isEqualTo("Let me look. Two files.");
    }

    @Test
    void aClientThatDisconnectsInterruptsTheTurnAndTheSessionIsClosed() throws Exception {
        server.runtime.script = FakeRuntime.Script.hang("Thinking about it");
        String body = messages(true, "user", "a long task");

        try (Socket socket = new Socket("127.0.0.1", server.channel.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + ServerUnderTest.KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("Thinking about it"));
            assertThat(line).as("the stream began before the client left").isNotNull();
        }

        FakeSession session = server.runtime.onlySession();
        ServerUnderTest.await(() -> !session.submitted(Submission.Interrupt.class).isEmpty());
        ServerUnderTest.await(session::isClosed);
    }

    @Test
    void aTurnThatFailsBeforeSayingAnythingIsAPlainHttpError() throws Exception {
        server.runtime.script = (session, turn) -> {
            session.emit(new Event.Error("no model is configured: run hermes model"));
            session.emit(new Event.TurnFinished("error", Usage.NONE, 0, ""));
        };

        HttpResponse<List<String>> response = server.chatStream(messages(true, "user", "hi"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(MAPPER.readTree(String.join("\n", response.body())).path("error").path("message").asText())
                .isEqualTo("no model is configured: run hermes model");
    }

    @Test
    void aTurnThatFailsMidStreamEndsWithAnErrorObjectThenDone() throws Exception {
        server.runtime.script = (session, turn) -> {
            session.emit(new Event.TextDelta("Partial"));
            session.emit(new Event.Error("the provider closed the connection"));
            session.emit(new Event.TurnFinished("error", Usage.NONE, 1, ""));
        };

        List<Sse> events = events(server.chatStream(messages(true, "user", "hi")).body());

        assertThat(events.get(events.size() - 2).json()).isEqualTo(MAPPER.readTree("""
                {"error": {"message": "the provider closed the connection", "type": "server_error", "param": null,
                           "code": "agent_error"}}"""));
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
    }

    @Test
    void aQuietTurnKeepsTheStreamAliveWithComments() throws Exception {
        server.runtime.script = (session, turn) -> {
            try {
                Thread.sleep(350);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeRuntime.Script.answer("Done.").play(session, turn);
        };

        HttpResponse<List<String>> response = server.chatStream(messages(true, "user", "think hard"));

        assertThat(response.body()).contains(": keepalive");
        assertThat(events(response.body()).getLast().data()).isEqualTo("[DONE]");
    }

    /** Parses SSE lines: fields until a blank line make one event; comments are skipped. */
    static List<Sse> events(List<String> lines) {
        List<Sse> events = new ArrayList<>();
        String event = "message";
        StringBuilder data = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Sse(event, data.toString()));
                }
                event = "message";
                data = null;
            } else if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(line.substring("data: ".length()));
            }
        }
        return events;
    }
}
