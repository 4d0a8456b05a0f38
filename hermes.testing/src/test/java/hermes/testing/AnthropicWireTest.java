package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicWireTest {

    private static final String REQUEST = """
            {"model":"claude-test","max_tokens":1024,"system":"Be brief.",
             "messages":[{"role":"user","content":"hello"}]}""";
    private static final String STREAM_REQUEST = """
            {"model":"claude-test","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"hello"}]}""";

    private FakeModelServer server;

    @BeforeEach
    void startServer() {
        server = new FakeModelServer().start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Http.Result post(String body) throws IOException {
        return Http.post(server.anthropicBaseUrl() + "/v1/messages", body, "anthropic-version", "2023-06-01");
    }

    @Test
    void nonStreamedTextIsAMessageWithEndTurnAndUsageSplitIntoCacheParts() throws IOException {
        server.enqueue(Reply.text("Hi there").withUsage(100, 20, 60, 10));

        Http.Result result = post(REQUEST);

        assertThat(result.status()).isEqualTo(200);
        JsonNode json = result.json();
        assertThat(json.get("id").asText()).startsWith("msg_");
        assertThat(json.get("type").asText()).isEqualTo("message");
        assertThat(json.get("role").asText()).isEqualTo("assistant");
        assertThat(json.get("model").asText()).isEqualTo("claude-test");
        assertThat(json.get("content")).isEqualTo(Http.parse("[{\"type\":\"text\",\"text\":\"Hi there\"}]"));
        assertThat(json.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(json.get("usage")).isEqualTo(Http.parse("""
                {"input_tokens":30,"cache_creation_input_tokens":10,"cache_read_input_tokens":60,"output_tokens":20}"""));
    }

    @Test
    void nonStreamedThinkingTextAndToolUseComeInThatOrderWithToolUseStop() throws IOException {
        server.enqueue(Reply.text("Let me check.")
                .withToolCalls(ToolCallReply.of("toolu_01", "read_file", "{\"path\":\"a.txt\"}"))
                .withReasoning("Need the file."));

        JsonNode json = post(REQUEST).json();

        assertThat(json.get("content")).isEqualTo(Http.parse("""
                [{"type":"thinking","thinking":"Need the file.","signature":"%s"},
                 {"type":"text","text":"Let me check."},
                 {"type":"tool_use","id":"toolu_01","name":"read_file","input":{"path":"a.txt"}}]"""
                .formatted(Reply.THINKING_SIGNATURE)));
        assertThat(json.get("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void nonStreamedToolArgumentsThatAreNotAnObjectAnswer500WithTheReason() throws IOException {
        server.enqueue(Reply.toolCalls(ToolCallReply.of("toolu_01", "todo", "{\"todos\":")));

        Http.Result result = post(REQUEST);

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().at("/error/message").asText())
                .contains("toolu_01", "not a JSON object", "{\"todos\":");
    }

    @Test
    void streamedTextFollowsTheMessageEventSequenceInChunkSizedFragments() throws IOException {
        String text = "The quick brown fox jumps over the lazy dog";
        server.enqueue(Reply.text(text).withUsage(40, 12, 0, 0));

        Http.Result result = post(STREAM_REQUEST);

        List<Http.Event> events = result.events();
        assertThat(result.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(events).allSatisfy(event -> assertThat(event.json().get("type").asText()).isEqualTo(event.name()));
        assertThat(events.stream().map(Http.Event::name).toList()).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(events.getFirst().json().get("message")).isEqualTo(Http.parse("""
                {"id":"%s","type":"message","role":"assistant","model":"claude-test","content":[],
                 "stop_reason":null,"stop_sequence":null,
                 "usage":{"input_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}"""
                .formatted(events.getFirst().json().at("/message/id").asText())));
        assertThat(events.get(2).json()).isEqualTo(Http.parse("""
                {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""));
        List<String> pieces = deltas(events, "text_delta", "text");
        assertThat(pieces).allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(7));
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(events.get(events.size() - 2).json()).isEqualTo(Http.parse("""
                {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},
                 "usage":{"output_tokens":12}}"""));
    }

    @Test
    void streamedToolUseStartsWithEmptyInputThenSendsPartialJsonFragments() throws IOException {
        String first = "{\"todos\":[{\"id\":\"1\",\"content\":\"write tests\",\"status\":\"pending\"}]}";
        String second = "{\"command\":\"ls -la\"}";
        server.enqueue(Reply.text("On it.").withToolCalls(ToolCallReply.of("toolu_01", "todo", first),
                ToolCallReply.of("toolu_02", "terminal", second)).withChunkSize(4));

        List<Http.Event> events = post(STREAM_REQUEST).events();

        List<JsonNode> starts = events.stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.json()).toList();
        assertThat(starts).containsExactly(
                Http.parse("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                Http.parse("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"todo\",\"input\":{}}}"),
                Http.parse("{\"type\":\"content_block_start\",\"index\":2,\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_02\",\"name\":\"terminal\",\"input\":{}}}"));
        assertThat(partialJson(events, 1)).hasSizeGreaterThan(first.length() / 4)
                .allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(4));
        assertThat(String.join("", partialJson(events, 1))).isEqualTo(first);
        assertThat(String.join("", partialJson(events, 2))).isEqualTo(second);
        assertThat(events.stream().filter(e -> e.name().equals("content_block_stop")).map(e -> e.json().get("index").asInt()))
                .containsExactly(0, 1, 2);
        assertThat(events.get(events.size() - 2).json().at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void streamedReasoningIsAThinkingBlockClosedBySignatureDelta() throws IOException {
        server.enqueue(Reply.text("Four.").withReasoning("Two plus two is four."));

        List<Http.Event> events = post(STREAM_REQUEST).events();

        assertThat(events.get(2).json().get("content_block"))
                .isEqualTo(Http.parse("{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}"));
        assertThat(String.join("", deltas(events, "thinking_delta", "thinking"))).isEqualTo("Two plus two is four.");
        List<Http.Event> thinkingBlock = events.stream().filter(e -> e.json().path("index").asInt(-1) == 0).toList();
        assertThat(thinkingBlock.get(thinkingBlock.size() - 2).json().get("delta")).isEqualTo(Http.parse(
                "{\"type\":\"signature_delta\",\"signature\":\"" + Reply.THINKING_SIGNATURE + "\"}"));
        assertThat(thinkingBlock.getLast().name()).isEqualTo("content_block_stop");
        assertThat(String.join("", deltas(events, "text_delta", "text"))).isEqualTo("Four.");
    }

    @Test
    void thePathWithoutVersionPrefixIsAnthropicToo() throws IOException {
        server.enqueue(Reply.text("ok"));

        Http.Result result = Http.post(server.anthropicBaseUrl() + "/messages", REQUEST);

        assertThat(result.json().get("type").asText()).isEqualTo("message");
        assertThat(server.takeRequest(java.time.Duration.ofSeconds(5)).format())
                .isEqualTo(CapturedRequest.Format.ANTHROPIC);
    }

    private static List<String> deltas(List<Http.Event> events, String deltaType, String field) {
        return events.stream().map(Http.Event::json)
                .filter(json -> json.at("/delta/type").asText().equals(deltaType))
                .map(json -> json.at("/delta/" + field).asText()).toList();
    }

    private static List<String> partialJson(List<Http.Event> events, int index) {
        return events.stream().map(Http.Event::json)
                .filter(json -> json.path("index").asInt(-1) == index)
                .filter(json -> json.at("/delta/type").asText().equals("input_json_delta"))
                .map(json -> json.at("/delta/partial_json").asText()).toList();
    }
}
