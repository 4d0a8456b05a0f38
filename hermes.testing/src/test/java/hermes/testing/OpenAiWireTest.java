package hermes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiWireTest {

    private static final String REQUEST = """
            {"model":"gpt-test","messages":[{"role":"user","content":"hello"}]}""";
    private static final String STREAM_REQUEST = """
            {"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hello"}]}""";
    private static final String STREAM_WITH_USAGE_REQUEST = """
            {"model":"gpt-test","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hello"}]}""";

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
        return Http.post(server.openAiBaseUrl() + "/chat/completions", body);
    }

    @Test
    void nonStreamedTextIsAChatCompletionWithStopAndTheScriptedUsage() throws IOException {
        server.enqueue(Reply.text("Hi there").withUsage(100, 20, 60, 10));

        Http.Result result = post(REQUEST);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("content-type")).hasValue("application/json");
        JsonNode json = result.json();
        assertThat(json.get("id").asText()).startsWith("chatcmpl-");
        assertThat(json.get("object").asText()).isEqualTo("chat.completion");
        assertThat(json.get("created").asLong()).isPositive();
        assertThat(json.get("model").asText()).isEqualTo("gpt-test");
        assertThat(json.get("choices")).isEqualTo(Http.parse("""
                [{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}]"""));
        assertThat(json.get("usage")).isEqualTo(Http.parse("""
                {"prompt_tokens":100,"completion_tokens":20,"total_tokens":120,
                 "prompt_tokens_details":{"cached_tokens":60}}"""));
    }

    @Test
    void nonStreamedToolCallsHaveNullContentAndFinishWithToolCalls() throws IOException {
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_1", "todo", "{\"todos\":[]}"),
                ToolCallReply.of("call_2", "read_file", "{\"path\":\"a.txt\"}")));

        JsonNode choice = post(REQUEST).json().get("choices").get(0);

        assertThat(choice).isEqualTo(Http.parse("""
                {"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"todo","arguments":"{\\"todos\\":[]}"}},
                  {"id":"call_2","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"a.txt\\"}"}}
                 ]},"finish_reason":"tool_calls"}"""));
    }

    @Test
    void nonStreamedTextWithToolCallsKeepsBothAndReasoningIsReasoningContent() throws IOException {
        server.enqueue(Reply.text("Let me check.").withToolCalls(ToolCallReply.of("call_9", "terminal", "{}"))
                .withReasoning("The user wants a check."));

        JsonNode message = post(REQUEST).json().get("choices").get(0).get("message");

        assertThat(message).isEqualTo(Http.parse("""
                {"role":"assistant","content":"Let me check.","reasoning_content":"The user wants a check.",
                 "tool_calls":[{"id":"call_9","type":"function","function":{"name":"terminal","arguments":"{}"}}]}"""));
    }

    @Test
    void usageWithoutScriptedCountsIsEstimatedFromTheSizes() throws IOException {
        server.enqueue(Reply.text("x".repeat(40)));

        JsonNode usage = post(REQUEST).json().get("usage");

        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(REQUEST.length() / 4);
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo(10);
        assertThat(usage.get("prompt_tokens_details").get("cached_tokens").asLong()).isZero();
    }

    @Test
    void streamedTextArrivesInChunkSizedFragmentsThatReassembleToTheText() throws IOException {
        String text = "The quick brown fox jumps over the lazy dog";
        server.enqueue(Reply.text(text));

        Http.Result result = post(STREAM_REQUEST);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<Http.Event> events = result.events();
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = chunks(events);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("model").asText()).isEqualTo("gpt-test");
            assertThat(chunk.has("usage")).isFalse();
        });
        assertThat(chunks.getFirst().at("/choices/0/delta")).isEqualTo(Http.parse("{\"role\":\"assistant\",\"content\":\"\"}"));
        List<String> pieces = deltas(chunks, "content");
        assertThat(pieces).hasSize(7).allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(7));
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(chunks.getLast().at("/choices/0")).isEqualTo(Http.parse("""
                {"index":0,"delta":{},"finish_reason":"stop"}"""));
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue());
    }

    @Test
    void streamedToolCallsOpenWithIdAndNameThenSendArgumentFragmentsByIndex() throws IOException {
        String first = "{\"todos\":[{\"id\":\"1\",\"content\":\"write tests\",\"status\":\"pending\"}]}";
        String second = "{\"path\":\"notes/plan.md\"}";
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_1", "todo", first),
                ToolCallReply.of("call_2", "read_file", second)).withChunkSize(5));

        List<JsonNode> chunks = chunks(post(STREAM_REQUEST).events());

        List<JsonNode> callDeltas = new ArrayList<>();
        chunks.forEach(chunk -> chunk.at("/choices/0/delta/tool_calls").forEach(callDeltas::add));
        assertThat(callDeltas.stream().filter(delta -> delta.has("id")).toList()).isEqualTo(List.of(
                Http.parse("{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"todo\",\"arguments\":\"\"}}"),
                Http.parse("{\"index\":1,\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"\"}}")));
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        for (JsonNode delta : callDeltas) {
            String piece = delta.at("/function/arguments").asText();
            assertThat(piece.length()).isLessThanOrEqualTo(5);
            arguments.computeIfAbsent(delta.get("index").asInt(), index -> new StringBuilder()).append(piece);
        }
        assertThat(arguments.get(0).toString()).isEqualTo(first);
        assertThat(arguments.get(1).toString()).isEqualTo(second);
        assertThat(callDeltas.size()).isGreaterThan(2 + (first.length() + second.length()) / 5);
        assertThat(chunks.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void streamedReasoningComesAsReasoningContentDeltasBeforeTheText() throws IOException {
        server.enqueue(Reply.text("Four.").withReasoning("Two plus two is four."));

        List<JsonNode> chunks = chunks(post(STREAM_REQUEST).events());

        assertThat(String.join("", deltas(chunks, "reasoning_content"))).isEqualTo("Two plus two is four.");
        assertThat(String.join("", deltas(chunks, "content"))).isEqualTo("Four.");
        int lastReasoning = lastIndexWith(chunks, "reasoning_content");
        int firstText = chunks.indexOf(chunks.stream().filter(c -> !c.at("/choices/0/delta/content").asText("").isEmpty())
                .findFirst().orElseThrow());
        assertThat(lastReasoning).isLessThan(firstText);
    }

    @Test
    void streamWithIncludeUsageEndsWithAUsageChunkWithoutChoices() throws IOException {
        server.enqueue(Reply.text("ok").withUsage(50, 5, 0, 0));

        List<Http.Event> events = post(STREAM_WITH_USAGE_REQUEST).events();

        List<JsonNode> chunks = chunks(events);
        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.get("usage")).isEqualTo(Http.parse("""
                {"prompt_tokens":50,"completion_tokens":5,"total_tokens":55,"prompt_tokens_details":{"cached_tokens":0}}"""));
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.get("usage").isNull()).isTrue());
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
    }

    private static List<JsonNode> chunks(List<Http.Event> events) {
        return events.stream().filter(event -> !event.data().equals("[DONE]")).map(Http.Event::json).toList();
    }

    private static List<String> deltas(List<JsonNode> chunks, String field) {
        return chunks.stream().map(chunk -> chunk.at("/choices/0/delta/" + field).asText(""))
                .filter(piece -> !piece.isEmpty()).toList();
    }

    private static int lastIndexWith(List<JsonNode> chunks, String field) {
        int last = -1;
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).at("/choices/0/delta").has(field)) {
                last = i;
            }
        }
        return last;
    }
}
