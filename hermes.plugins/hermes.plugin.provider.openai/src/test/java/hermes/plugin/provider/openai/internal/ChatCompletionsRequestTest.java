package hermes.plugin.provider.openai.internal;

import static hermes.plugin.provider.openai.internal.TestSupport.answer;
import static hermes.plugin.provider.openai.internal.TestSupport.body;
import static hermes.plugin.provider.openai.internal.TestSupport.delta;
import static hermes.plugin.provider.openai.internal.TestSupport.jsonResponse;
import static hermes.plugin.provider.openai.internal.TestSupport.sse;
import static hermes.plugin.provider.openai.internal.TestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/** What goes over the wire, checked on a real loopback HTTP server. */
class ChatCompletionsRequestTest {

    private static final ToolSpec READ_FILE = ToolSpec.of("read_file", "file", "Reads a text file.",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}");

    private final MockWebServer server = new MockWebServer();
    private final ChatCompletionsProvider provider = new ChatCompletionsProvider();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        provider.deactivate();
        server.close();
    }

    @Test
    void nonStreamingToolLoopSendsTheWholeConversationAndReadsTheToolCalls() throws Exception {
        server.enqueue(jsonResponse(200, """
                {"id":"chatcmpl-1","model":"gpt-4.1-2025-04-14","choices":[{"index":0,"finish_reason":"tool_calls",
                 "message":{"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_2","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"b.txt\\"}"}}]}}],
                 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}"""));
        Message earlierCall = new Message(Message.Role.ASSISTANT, List.of(),
                List.of(new ToolCall("call_1", "read_file", "{\"path\":\"a.txt\"}")), Optional.empty(), Optional.empty(),
                Optional.of("{\"reasoning_details\":[{\"type\":\"reasoning.encrypted\",\"data\":\"x1\",\"index\":0}]}"));
        Message picture = new Message(Message.Role.USER, List.of(new ContentPart.Text("Compare with this:"),
                new ContentPart.Image("image/png", "data:image/png;base64,iVBOR")), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
        ModelRequest request = new ModelRequest("gpt-4.1", List.of(Message.system("You are Hermes."),
                Message.user("Read a.txt"), earlierCall, Message.toolResult("call_1", "alpha"), picture),
                List.of(READ_FILE), Map.of(ModelRequest.BASE_URL, server.url("/v1/").toString(),
                ModelRequest.API_KEY, "sk-test", ModelRequest.STREAM, "false", ModelRequest.MAX_TOKENS, "1000",
                ModelRequest.TEMPERATURE, "0.2"));

        ModelResponse response = answer(provider.chat(request, StreamListener.NONE));

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(sent.getHeaders().get("HTTP-Referer")).isNull();
        assertThat(body(sent)).isEqualTo(tree("""
                {"model":"gpt-4.1","messages":[
                  {"role":"system","content":"You are Hermes."},
                  {"role":"user","content":"Read a.txt"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"a.txt\\"}"}}],
                   "reasoning_details":[{"type":"reasoning.encrypted","data":"x1","index":0}]},
                  {"role":"tool","tool_call_id":"call_1","content":"alpha"},
                  {"role":"user","content":[{"type":"text","text":"Compare with this:"},
                    {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBOR"}}]}],
                 "tools":[{"type":"function","function":{"name":"read_file","description":"Reads a text file.",
                   "parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}}}],
                 "stream":false,"max_tokens":1000,"temperature":0.2}"""));
        assertThat(response).isEqualTo(new ModelResponse(new Message(Message.Role.ASSISTANT, List.of(),
                List.of(new ToolCall("call_2", "read_file", "{\"path\":\"b.txt\"}")), Optional.empty(), Optional.empty(),
                Optional.empty()), new Usage(120, 30, 0, 0, 0), "tool_calls", "gpt-4.1-2025-04-14"));
    }

    @Test
    void streamingAsksForUsageAndSendsNoKeyNoToolsAndNoUnsetOptions() throws Exception {
        server.enqueue(sse(delta(Map.of("content", "hi")), TestSupport.chunk(Map.of("choices",
                List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop"))))));
        ModelRequest request = new ModelRequest("llama3", List.of(Message.user("hello")), List.of(),
                Map.of(ModelRequest.BASE_URL, server.url("/v1").toString()));

        answer(provider.chat(request, StreamListener.NONE));

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        assertThat(body(sent)).isEqualTo(tree("""
                {"model":"llama3","messages":[{"role":"user","content":"hello"}],
                 "stream":true,"stream_options":{"include_usage":true}}"""));
    }

    @Test
    void reasoningEffortGoesTopLevelForPlainEndpoints() throws Exception {
        server.enqueue(jsonResponse(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        ModelRequest request = new ModelRequest("deepseek-reasoner", List.of(Message.user("hello")), List.of(),
                Map.of(ModelRequest.BASE_URL, server.url("/").toString(), ModelRequest.STREAM, "false",
                        ModelRequest.PROVIDER, "deepseek", ModelRequest.REASONING_EFFORT, "high"));

        ModelResponse response = answer(provider.chat(request, StreamListener.NONE));

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/chat/completions");
        assertThat(body(sent).get("reasoning_effort").textValue()).isEqualTo("high");
        assertThat(body(sent).has("reasoning")).isFalse();
        assertThat(response.model()).isEqualTo("deepseek-reasoner");
        assertThat(response.usage()).isEqualTo(Usage.NONE);
        assertThat(response.message().text()).isEqualTo("ok");
    }

    @Test
    void openRouterGetsAppHeadersReasoningObjectAndItsReasoningDetailsBack() throws Exception {
        server.enqueue(sse(
                delta(Map.of("role", "assistant", "reasoning", "Let me ", "reasoning_details",
                        List.of(Map.of("type", "reasoning.text", "text", "Let me ", "index", 0)))),
                delta(Map.of("reasoning", "think.", "reasoning_details",
                        List.of(Map.of("type", "reasoning.text", "text", "think.", "index", 0, "signature", "sig9")))),
                delta(Map.of("content", "Done.")),
                TestSupport.chunk(Map.of("model", "anthropic/claude-sonnet-4", "choices",
                        List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "end_turn"))))));
        ModelRequest request = new ModelRequest("anthropic/claude-sonnet-4", List.of(Message.user("hello")), List.of(),
                Map.of(ModelRequest.BASE_URL, server.url("/api/v1").toString(), ModelRequest.API_KEY, "sk-or-1",
                        ModelRequest.PROVIDER, "openrouter", ModelRequest.REASONING_EFFORT, "medium"));

        ModelResponse response = answer(provider.chat(request, StreamListener.NONE));

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeaders().get("HTTP-Referer")).isEqualTo("https://hermes-agent.nousresearch.com");
        assertThat(sent.getHeaders().get("X-Title")).isEqualTo("Hermes Agent");
        assertThat(body(sent).get("reasoning")).isEqualTo(tree("{\"effort\":\"medium\"}"));
        assertThat(body(sent).has("reasoning_effort")).isFalse();
        assertThat(response.message().text()).isEqualTo("Done.");
        assertThat(response.message().reasoning()).contains("Let me think.");
        assertThat(tree(response.message().providerData().orElseThrow())).isEqualTo(tree("""
                {"reasoning_details":[{"type":"reasoning.text","text":"Let me think.","index":0,"signature":"sig9"}]}"""));
        assertThat(response.finishReason()).isEqualTo("stop");
    }
}
