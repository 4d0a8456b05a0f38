package hermes.plugin.provider.anthropic.internal;

import static hermes.plugin.provider.anthropic.internal.TestSupport.await;
import static hermes.plugin.provider.anthropic.internal.TestSupport.eventStream;
import static hermes.plugin.provider.anthropic.internal.TestSupport.json;
import static hermes.plugin.provider.anthropic.internal.TestSupport.jsonAnswer;
import static hermes.plugin.provider.anthropic.internal.TestSupport.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;
import hermes.api.Usage;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

class AnthropicMessagesProviderTest {

    private final MockWebServer server = new MockWebServer();
    private final AnthropicMessagesProvider provider = new AnthropicMessagesProvider();

    @BeforeEach
    void startServer() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        provider.deactivate();
        server.close();
    }

    private Map<String, String> options(String... extra) {
        Map<String, String> options = new java.util.HashMap<>(Map.of(
                ModelRequest.BASE_URL, server.url("/").toString(), ModelRequest.API_KEY, "sk-ant-test"));
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return options;
    }

    private JsonNode takeBody() throws InterruptedException {
        return json(take().getBody().utf8());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(TestSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static final List<ToolSpec> TOOLS = List.of(
            ToolSpec.of("list_files", "file", "List files in a directory.",
                    "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}"),
            ToolSpec.of("read_file", "file", "Read a file.", ToolSpec.NO_PARAMETERS));

    @Test
    void toolUseRoundTripSendsAlternatingRolesAndReadsTheToolCall() throws Exception {
        server.enqueue(jsonAnswer(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"Reading it now."},
                            {"type":"tool_use","id":"toolu_01","name":"read_file","input":{"path":"README.md"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":120,"output_tokens":30,"cache_creation_input_tokens":0,
                          "cache_read_input_tokens":0}}"""));
        Message assistant = new Message(Message.Role.ASSISTANT, List.of(new ContentPart.Text("Looking.")),
                List.of(new ToolCall("call_1", "list_files", "{\"path\":\".\"}")), Optional.empty(), Optional.empty(),
                Optional.empty());
        List<Message> conversation = List.of(Message.system("You are Hermes."),
                Message.user("List the files, then read the README."), assistant,
                Message.toolResult("call_1", "a.txt\nREADME.md"), Message.user("Now read the README."));
        TestSupport.RecordingListener listener = new TestSupport.RecordingListener();

        ModelResponse response = await(provider.chat(new ModelRequest("claude-sonnet-4-5", conversation, TOOLS,
                options(ModelRequest.STREAM, "false")), listener));

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("content-type")).startsWith("application/json");
        assertThat(json(request.getBody().utf8())).isEqualTo(json("""
                {"model":"claude-sonnet-4-5","max_tokens":8192,
                 "system":[{"type":"text","text":"You are Hermes.","cache_control":{"type":"ephemeral"}}],
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"List the files, then read the README.",
                                              "cache_control":{"type":"ephemeral"}}]},
                   {"role":"assistant","content":[{"type":"text","text":"Looking."},
                      {"type":"tool_use","id":"call_1","name":"list_files","input":{"path":"."},
                       "cache_control":{"type":"ephemeral"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"a.txt\\nREADME.md"},
                      {"type":"text","text":"Now read the README.","cache_control":{"type":"ephemeral"}}]}],
                 "tools":[
                   {"name":"list_files","description":"List files in a directory.",
                    "input_schema":{"type":"object","properties":{"path":{"type":"string"}}}},
                   {"name":"read_file","description":"Read a file.","input_schema":{"type":"object","properties":{}}}]}
                """));
        assertThat(response).isEqualTo(new ModelResponse(
                new Message(Message.Role.ASSISTANT, List.of(new ContentPart.Text("Reading it now.")),
                        List.of(new ToolCall("toolu_01", "read_file", "{\"path\":\"README.md\"}")), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                new Usage(120, 30, 0, 0, 0), "tool_calls", "claude-sonnet-4-5-20250929"));
        assertThat(listener.heard).containsExactly("text:Reading it now.", "tool:toolu_01:read_file");
    }

    @Test
    void consecutiveToolResultsMergeIntoOneUserMessage() throws Exception {
        server.enqueue(jsonAnswer(200, """
                {"model":"m","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{}}"""));
        Message assistant = new Message(Message.Role.ASSISTANT, List.of(), List.of(
                new ToolCall("toolu_a", "list_files", "{}"), new ToolCall("toolu_b", "read_file", "{}")),
                Optional.empty(), Optional.empty(), Optional.empty());

        await(provider.chat(new ModelRequest("claude-test", List.of(Message.user("go"), assistant,
                Message.toolResult("toolu_a", "one"), Message.toolResult("toolu_b", "two")), TOOLS,
                options(ModelRequest.STREAM, "false")), StreamListener.NONE));

        JsonNode messages = takeBody().get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(2)).isEqualTo(json("""
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_a","content":"one"},
                   {"type":"tool_result","tool_use_id":"toolu_b","content":"two","cache_control":{"type":"ephemeral"}}]}
                """));
    }

    @Test
    void bearerAuthStyleSendsTheKeyAsAuthorizationToABaseUrlEndingInV1() throws Exception {
        server.enqueue(jsonAnswer(200, """
                {"content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","usage":{"input_tokens":3}}"""));

        ModelResponse response = await(provider.chat(new ModelRequest("glm-4.6", List.of(Message.user("hi")),
                List.of(), options(ModelRequest.BASE_URL, server.url("/api/anthropic/v1/").toString(),
                        ModelRequest.AUTH_STYLE, "bearer", ModelRequest.STREAM, "false")), StreamListener.NONE));

        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/anthropic/v1/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-ant-test");
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(response.model()).as("falls back to the requested model").isEqualTo("glm-4.6");
        assertThat(response.finishReason()).isEqualTo("stop");
    }

    @Test
    void streamedTextAndToolArgumentsAssembleFromManyFragments() throws Exception {
        String arguments = "{\"command\": \"ls -la /tmp\", \"timeout\": 30}";
        List<String> events = new ArrayList<>(List.of(
                """
                {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant",
                 "model":"claude-opus-4-1","content":[],"stop_reason":null,
                 "usage":{"input_tokens":50,"output_tokens":1,"cache_read_input_tokens":1000,
                          "cache_creation_input_tokens":200}}}""",
                "{\"type\":\"ping\"}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                textDelta(0, "Let me "), textDelta(0, "check."),
                "{\"type\":\"content_block_stop\",\"index\":0}",
                """
                {"type":"content_block_start","index":1,
                 "content_block":{"type":"tool_use","id":"toolu_9","name":"terminal","input":{}}}"""));
        for (int i = 0; i < arguments.length(); i += 3) {
            String fragment = arguments.substring(i, Math.min(arguments.length(), i + 3));
            events.add("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":" + TestSupport.JSON.writeValueAsString(fragment) + "}}");
        }
        events.addAll(List.of("{\"type\":\"content_block_stop\",\"index\":1}",
                """
                {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},
                 "usage":{"output_tokens":42}}""",
                "{\"type\":\"message_stop\"}"));
        server.enqueue(eventStream(sse(events.toArray(String[]::new))));
        TestSupport.RecordingListener listener = new TestSupport.RecordingListener();

        ModelResponse response = await(provider.chat(new ModelRequest("claude-opus-4-1",
                List.of(Message.user("list /tmp")), TOOLS, options()), listener));

        assertThat(takeBody().get("stream").asBoolean()).isTrue();
        assertThat(response).isEqualTo(new ModelResponse(
                new Message(Message.Role.ASSISTANT, List.of(new ContentPart.Text("Let me check.")),
                        List.of(new ToolCall("toolu_9", "terminal", arguments)), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                new Usage(1250, 42, 1000, 200, 0), "tool_calls", "claude-opus-4-1"));
        assertThat(listener.heard).containsExactly("text:Let me ", "text:check.", "tool:toolu_9:terminal");
    }

    @Test
    void thinkingBlocksStreamWithSignaturesAndGoBackUnchangedInTheNextRequest() throws Exception {
        server.enqueue(eventStream(sse(
                """
                {"type":"message_start","message":{"model":"claude-sonnet-4-5","content":[],
                 "usage":{"input_tokens":10,"output_tokens":1}}}""",
                """
                {"type":"content_block_start","index":0,
                 "content_block":{"type":"thinking","thinking":"","signature":""}}""",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\","
                        + "\"thinking\":\"I should \"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\","
                        + "\"thinking\":\"list the files.\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\","
                        + "\"signature\":\"EqQBCkgIARABGAIiQL+sig/==\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                """
                {"type":"content_block_start","index":1,
                 "content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"}}""",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                """
                {"type":"content_block_start","index":2,
                 "content_block":{"type":"tool_use","id":"toolu_t","name":"list_files","input":{}}}""",
                "{\"type\":\"content_block_stop\",\"index\":2}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":90}}",
                "{\"type\":\"message_stop\"}")));
        server.enqueue(jsonAnswer(200, """
                {"content":[{"type":"text","text":"Two files."}],"stop_reason":"end_turn","usage":{}}"""));
        TestSupport.RecordingListener listener = new TestSupport.RecordingListener();
        List<Message> conversation = new ArrayList<>(List.of(Message.system("Be brief."), Message.user("files?")));

        ModelResponse first = await(provider.chat(new ModelRequest("claude-sonnet-4-5", conversation, TOOLS,
                options(ModelRequest.REASONING_EFFORT, "high")), listener));

        JsonNode firstBody = takeBody();
        assertThat(firstBody.get("thinking")).isEqualTo(json("{\"type\":\"enabled\",\"budget_tokens\":16000}"));
        assertThat(firstBody.get("max_tokens").asInt()).isEqualTo(20096);
        assertThat(listener.heard).containsExactly(
                "reasoning:I should ", "reasoning:list the files.", "tool:toolu_t:list_files");
        JsonNode thinkingBlocks = json("""
                [{"type":"thinking","thinking":"I should list the files.","signature":"EqQBCkgIARABGAIiQL+sig/=="},
                 {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"}]""");
        assertThat(first.message().reasoning()).contains("I should list the files.");
        assertThat(json(first.message().providerData().orElseThrow())).isEqualTo(thinkingBlocks);
        assertThat(first.message().toolCalls()).containsExactly(new ToolCall("toolu_t", "list_files", "{}"));

        conversation.add(first.message());
        conversation.add(Message.toolResult("toolu_t", "a.txt b.txt"));
        await(provider.chat(new ModelRequest("claude-sonnet-4-5", conversation, TOOLS,
                options(ModelRequest.REASONING_EFFORT, "high", ModelRequest.STREAM, "false")), StreamListener.NONE));

        JsonNode replayed = takeBody().get("messages").get(1);
        assertThat(replayed.get("role").asText()).isEqualTo("assistant");
        assertThat(replayed.get("content").get(0)).isEqualTo(thinkingBlocks.get(0));
        assertThat(replayed.get("content").get(1)).isEqualTo(thinkingBlocks.get(1));
        assertThat(replayed.get("content").get(2)).isEqualTo(json("""
                {"type":"tool_use","id":"toolu_t","name":"list_files","input":{},"cache_control":{"type":"ephemeral"}}
                """));
    }

    @Test
    void usageCountsCachedPromptTokensAsInputAndTakesTheLatestCumulativeCounts() throws Exception {
        server.enqueue(eventStream(sse(
                """
                {"type":"message_start","message":{"model":"claude-haiku-4-5","content":[],
                 "usage":{"input_tokens":7,"output_tokens":1,"cache_read_input_tokens":3000,
                          "cache_creation_input_tokens":0}}}""",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                textDelta(0, "Hi"),
                "{\"type\":\"content_block_stop\",\"index\":0}",
                """
                {"type":"message_delta","delta":{"stop_reason":"max_tokens"},
                 "usage":{"input_tokens":9,"output_tokens":512,"cache_read_input_tokens":3000,
                          "cache_creation_input_tokens":400}}""",
                "{\"type\":\"message_stop\"}")));

        ModelResponse response = await(provider.chat(new ModelRequest("claude-haiku-4-5",
                List.of(Message.user("hi")), List.of(), options()), StreamListener.NONE));

        assertThat(response.usage()).isEqualTo(new Usage(3409, 512, 3000, 400, 0));
        assertThat(response.finishReason()).isEqualTo("length");
        assertThat(response.message().providerData()).isEmpty();
        assertThat(response.message().reasoning()).isEmpty();
    }

    @Test
    void aProxyThatAnswersAStreamRequestWithPlainJsonStillWorks() throws Exception {
        server.enqueue(jsonAnswer(200, """
                {"model":"m","content":[{"type":"text","text":"whole"}],"stop_reason":"refusal","usage":{}}"""));
        TestSupport.RecordingListener listener = new TestSupport.RecordingListener();

        ModelResponse response = await(provider.chat(new ModelRequest("m", List.of(Message.user("hi")), List.of(),
                options()), listener));

        assertThat(response.message().text()).isEqualTo("whole");
        assertThat(response.finishReason()).isEqualTo("content_filter");
        assertThat(listener.heard).containsExactly("text:whole");
    }

    static String textDelta(int index, String text) {
        return "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"text_delta\",\"text\":"
                + json("\"" + text + "\"") + "}}";
    }
}
