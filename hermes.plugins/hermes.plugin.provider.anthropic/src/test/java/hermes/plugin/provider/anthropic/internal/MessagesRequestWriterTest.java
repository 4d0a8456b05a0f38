package hermes.plugin.provider.anthropic.internal;

import static hermes.plugin.provider.anthropic.internal.TestSupport.JSON;
import static hermes.plugin.provider.anthropic.internal.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;

class MessagesRequestWriterTest {

    private final MessagesRequestWriter writer = new MessagesRequestWriter(JSON);

    private JsonNode body(List<Message> messages, Map<String, String> options) {
        ModelRequest request = new ModelRequest("claude-test", messages, List.of(), options);
        return writer.body(request, MessagesOptions.from(options));
    }

    private static final List<Message> FIVE_TURNS = List.of(
            Message.system("You are Hermes."),
            Message.user("one"), Message.assistant("two"), Message.user("three"), Message.assistant("four"),
            Message.user("five"));

    @Test
    void cacheMarkersGoOnTheSystemPromptAndTheLastThreeMessagesExactly() {
        JsonNode body = body(FIVE_TURNS, Map.of());

        assertThat(body.get("system")).isEqualTo(json("""
                [{"type":"text","text":"You are Hermes.","cache_control":{"type":"ephemeral"}}]"""));
        assertThat(body.get("messages")).isEqualTo(json("""
                [{"role":"user","content":[{"type":"text","text":"one"}]},
                 {"role":"assistant","content":[{"type":"text","text":"two"}]},
                 {"role":"user","content":[{"type":"text","text":"three","cache_control":{"type":"ephemeral"}}]},
                 {"role":"assistant","content":[{"type":"text","text":"four","cache_control":{"type":"ephemeral"}}]},
                 {"role":"user","content":[{"type":"text","text":"five","cache_control":{"type":"ephemeral"}}]}]"""));
    }

    @Test
    void oneHourCacheTtlAddsTheTtlToEveryMarker() {
        JsonNode body = body(FIVE_TURNS, Map.of(ModelRequest.CACHE_TTL, "1h"));

        assertThat(body.findValues("cache_control")).hasSize(4)
                .allSatisfy(marker -> assertThat(marker).isEqualTo(json("{\"type\":\"ephemeral\",\"ttl\":\"1h\"}")));
    }

    @Test
    void withoutASystemPromptTheLastFourMessagesCarryTheMarkers() {
        JsonNode body = body(FIVE_TURNS.subList(1, FIVE_TURNS.size()), Map.of());

        assertThat(body.has("system")).isFalse();
        assertThat(body.get("messages").get(0).toString()).doesNotContain("cache_control");
        for (int i = 1; i <= 4; i++) {
            assertThat(body.get("messages").get(i).get("content").get(0).get("cache_control"))
                    .isEqualTo(json("{\"type\":\"ephemeral\"}"));
        }
    }

    @Test
    void onlyTheLastSystemBlockCarriesTheMarker() {
        JsonNode body = body(List.of(Message.system("Rules."), Message.system("Memory."), Message.user("hi")), Map.of());

        assertThat(body.get("system")).isEqualTo(json("""
                [{"type":"text","text":"Rules."},
                 {"type":"text","text":"Memory.","cache_control":{"type":"ephemeral"}}]"""));
    }

    @ParameterizedTest
    @CsvSource({"low, 4000, 8192", "medium, 8000, 12096", "high, 16000, 20096", "xhigh, 32000, 36096"})
    void reasoningEffortSetsTheThinkingBudgetAndRoomForTheAnswer(String effort, int budget, int maxTokens) {
        JsonNode body = body(List.of(Message.user("hi")),
                Map.of(ModelRequest.REASONING_EFFORT, effort, ModelRequest.TEMPERATURE, "0.3"));

        assertThat(body.get("thinking")).isEqualTo(json(
                "{\"type\":\"enabled\",\"budget_tokens\":" + budget + "}"));
        assertThat(body.get("max_tokens").asInt()).isEqualTo(maxTokens);
        assertThat(body.has("temperature")).as("the API refuses a temperature with thinking").isFalse();
    }

    @Test
    void aLargerMaxTokensIsKeptWithThinking() {
        JsonNode body = body(List.of(Message.user("hi")),
                Map.of(ModelRequest.REASONING_EFFORT, "high", ModelRequest.MAX_TOKENS, "64000"));

        assertThat(body.get("max_tokens").asInt()).isEqualTo(64000);
    }

    @ParameterizedTest
    @CsvSource({"none", "minimal"})
    void noThinkingWithoutEffortAndTheTemperatureIsSent(String effort) {
        JsonNode body = body(List.of(Message.user("hi")),
                Map.of(ModelRequest.REASONING_EFFORT, effort, ModelRequest.TEMPERATURE, "0.3"));

        assertThat(body.has("thinking")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(8192);
    }

    @Test
    void streamingRequestsAskForAStreamAndSingleAnswersDoNot() {
        assertThat(body(List.of(Message.user("hi")), Map.of()).get("stream").asBoolean()).isTrue();
        assertThat(body(List.of(Message.user("hi")), Map.of(ModelRequest.STREAM, "false")).has("stream")).isFalse();
    }

    @Test
    void userAttachmentsBecomeImageBlocksOrTextNotes(@TempDir Path dir) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, new byte[] {1, 2, 3});
        Message user = new Message(Message.Role.USER, List.of(
                new ContentPart.Text("What is this?"),
                new ContentPart.Image("image/png", "data:image/png;base64,iVBORw0KGgo="),
                new ContentPart.Image("image/webp", "https://example.org/cat.webp"),
                new ContentPart.Image("image/jpg", photo.toUri().toString()),
                new ContentPart.Image("image/svg+xml", "https://example.org/logo.svg"),
                new ContentPart.Audio("audio/ogg", "https://example.org/voice.ogg")),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());

        JsonNode content = body(List.of(user), Map.of()).get("messages").get(0).get("content");

        assertThat(content).isEqualTo(json("""
                [{"type":"text","text":"What is this?"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                 {"type":"image","source":{"type":"url","url":"https://example.org/cat.webp"}},
                 {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"AQID"}},
                 {"type":"text","text":"[image omitted: image/svg+xml is not a format the model accepts]"},
                 {"type":"text","text":"[audio omitted: the Anthropic Messages API does not accept audio]",
                  "cache_control":{"type":"ephemeral"}}]"""));
    }

    @Test
    void toolIdsFromOtherProvidersAreMadeValidInBothCallAndResult() {
        Message assistant = new Message(Message.Role.ASSISTANT, List.of(),
                List.of(new ToolCall("functions.read_file:0", "read_file", "{\"path\":")), Optional.empty(),
                Optional.empty(), Optional.empty());

        JsonNode messages = body(List.of(Message.user("read it"), assistant,
                Message.toolResult("functions.read_file:0", "")), Map.of()).get("messages");

        assertThat(messages.get(1).get("content").get(0)).isEqualTo(json("""
                {"type":"tool_use","id":"functions_read_file_0","name":"read_file","input":{},
                 "cache_control":{"type":"ephemeral"}}"""));
        assertThat(messages.get(2).get("content").get(0)).isEqualTo(json("""
                {"type":"tool_result","tool_use_id":"functions_read_file_0","content":"(empty)",
                 "cache_control":{"type":"ephemeral"}}"""));
    }

    @Test
    void anEmptyAssistantTurnIsSentAsAPlaceholderRatherThanRefused() {
        JsonNode messages = body(List.of(Message.user("hi"), Message.assistant("  "), Message.user("again")),
                Map.of()).get("messages");

        assertThat(messages.get(1).get("content").get(0).get("text").asText())
                .isEqualTo(MessagesRequestWriter.EMPTY_PLACEHOLDER);
    }

    @Test
    void providerDataThatIsNotThinkingBlocksIsNotReplayed() {
        Message assistant = new Message(Message.Role.ASSISTANT, List.of(new ContentPart.Text("done")), List.of(),
                Optional.empty(), Optional.empty(), Optional.of("""
                {"details":{"type":"thinking","thinking":"from another provider","signature":"s"}}"""));

        JsonNode messages = body(List.of(Message.user("hi"), assistant), Map.of()).get("messages");

        assertThat(messages.get(1).get("content")).isEqualTo(json("""
                [{"type":"text","text":"done","cache_control":{"type":"ephemeral"}}]"""));
    }

    @Test
    void aToolWhoseSchemaIsNotAnObjectIsRefusedWithItsName() {
        ModelRequest request = new ModelRequest("claude-test", List.of(Message.user("hi")),
                List.of(ToolSpec.of("broken", "test", "Broken.", "[1,2]")), Map.of());

        assertThatThrownBy(() -> writer.body(request, MessagesOptions.from(new HashMap<>())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }
}
