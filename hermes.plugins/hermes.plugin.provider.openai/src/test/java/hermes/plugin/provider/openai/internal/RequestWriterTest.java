package hermes.plugin.provider.openai.internal;

import static hermes.plugin.provider.openai.internal.TestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelRequest;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;

class RequestWriterTest {

    private final RequestWriter writer = new RequestWriter(new ObjectMapper());

    private JsonNode body(List<Message> messages, List<ToolSpec> tools, Map<String, String> options)
            throws ModelException {
        return writer.body(new ModelRequest("m", messages, tools, options), RequestOptions.of(options));
    }

    @Test
    void openAiItselfGetsMaxCompletionTokensOthersGetMaxTokens() throws Exception {
        JsonNode openAi = body(List.of(Message.user("hi")), List.of(), Map.of(ModelRequest.MAX_TOKENS, "50"));
        JsonNode local = body(List.of(Message.user("hi")), List.of(), Map.of(ModelRequest.MAX_TOKENS, "50",
                ModelRequest.BASE_URL, "http://localhost:11434/v1"));

        assertThat(openAi.get("max_completion_tokens").asLong()).isEqualTo(50);
        assertThat(openAi.has("max_tokens")).isFalse();
        assertThat(local.get("max_tokens").asLong()).isEqualTo(50);
        assertThat(local.has("max_completion_tokens")).isFalse();
    }

    @Test
    void inlineAudioAndFilesBecomeTheirOwnParts() throws Exception {
        Message message = new Message(Message.Role.USER, List.of(new ContentPart.Audio("audio/mpeg",
                "data:audio/mpeg;base64,SUQz"), new ContentPart.File("report.pdf", "application/pdf",
                "data:application/pdf;base64,JVBE")), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

        JsonNode body = body(List.of(message), List.of(), Map.of());

        assertThat(body.at("/messages/0/content")).isEqualTo(tree("""
                [{"type":"input_audio","input_audio":{"data":"SUQz","format":"mp3"}},
                 {"type":"file","file":{"filename":"report.pdf","file_data":"data:application/pdf;base64,JVBE"}}]"""));
    }

    @Test
    void audioByRemoteUrlIsRefusedWithTheFix() {
        Message message = new Message(Message.Role.USER, List.of(new ContentPart.Audio("audio/wav",
                "https://example.com/a.wav")), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

        ModelException failure = catchThrowableOfType(ModelException.class,
                () -> body(List.of(message), List.of(), Map.of()));

        assertThat(failure.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).isEqualTo("the chat_completions wire format can only send audio as a base64 "
                + "data: URL, not https://example.com/a.wav; attach its content inline");
    }

    @Test
    void blankToolArgumentsGoOutAsAnEmptyObjectAndForeignProviderDataIsLeftOut() throws Exception {
        Message call = new Message(Message.Role.ASSISTANT, List.of(new ContentPart.Text("Listing.")),
                List.of(new ToolCall("c1", "todo", "")), Optional.empty(), Optional.of("thoughts"),
                Optional.of("[\"not an object\"]"));

        JsonNode body = body(List.of(call), List.of(), Map.of());

        assertThat(body.at("/messages/0")).isEqualTo(tree("""
                {"role":"assistant","content":"Listing.","tool_calls":[
                  {"id":"c1","type":"function","function":{"name":"todo","arguments":"{}"}}]}"""));
    }

    @Test
    void toolWithBrokenSchemaIsABadRequestNamingTheTool() {
        ToolSpec broken = ToolSpec.of("broken", "test", "Broken.", "{\"type\":");

        ModelException failure = catchThrowableOfType(ModelException.class,
                () -> body(List.of(Message.user("hi")), List.of(broken), Map.of()));

        assertThat(failure.kind()).isEqualTo(ModelException.Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).startsWith("the tool broken has a parameters schema that is not valid JSON")
                .endsWith("; fix the tool's ToolSpec.parametersSchema");
    }
}
