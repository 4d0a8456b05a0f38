package hermes.plugin.provider.anthropic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import hermes.api.ToolCall;
import hermes.api.Usage;

/**
 * Reads an Anthropic message object (a non-streamed answer, or one {@link MessagesStreamAssembler} put together) into
 * a {@link ModelResponse}. Thinking and redacted-thinking blocks are kept verbatim, as a JSON array, in
 * {@link Message#providerData()}, so that {@link MessagesRequestWriter} can send them back unchanged.
 *
 * <p>Thread-safe: holds no per-response state.
 */
final class MessagesResponseReader {

    private final ObjectMapper json;

    MessagesResponseReader(ObjectMapper json) {
        this.json = json;
    }

    /** A non-streamed answer; the listener hears each part once, in order, as if it had streamed. */
    ModelResponse read(String body, String requestedModel, StreamListener listener, AnthropicErrors errors)
            throws ModelException {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw errors.malformed("an answer that is not JSON", e);
        }
        if (!message.path("content").isArray()) {
            throw errors.malformed("an answer without a content array");
        }
        for (JsonNode block : message.get("content")) {
            switch (block.path("type").asText()) {
                case "text" -> listener.onText(block.path("text").asText(""));
                case "thinking" -> listener.onReasoning(block.path("thinking").asText(""));
                case "tool_use" -> listener.onToolCallStarted(block.path("id").asText(""), block.path("name").asText(""));
                default -> {
                    // redacted thinking and block types this code does not know say nothing to the user
                }
            }
        }
        return response(message, requestedModel);
    }

    /**
     * The response for a whole message object. A {@code tool_use} block's {@code input} may be a string: the raw
     * argument text of a streamed call, kept as the model wrote it.
     */
    ModelResponse response(JsonNode message, String requestedModel) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode thinkingBlocks = json.createArrayNode();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText(""));
                case "thinking" -> {
                    reasoning.append(block.path("thinking").asText(""));
                    thinkingBlocks.add(block);
                }
                case "redacted_thinking" -> thinkingBlocks.add(block);
                case "tool_use" -> toolCalls.add(new ToolCall(block.path("id").asText(""),
                        block.path("name").asText(""), arguments(block.path("input"))));
                default -> {
                    // server-tool blocks and future types have no place in a Hermes message
                }
            }
        }
        List<ContentPart> content = text.isEmpty() ? List.of() : List.of(new ContentPart.Text(text.toString()));
        Message assistant = new Message(Message.Role.ASSISTANT, content, toolCalls, Optional.empty(),
                reasoning.isEmpty() ? Optional.empty() : Optional.of(reasoning.toString()),
                thinkingBlocks.isEmpty() ? Optional.empty() : Optional.of(thinkingBlocks.toString()));
        String model = message.path("model").asText("");
        return new ModelResponse(assistant, usage(message.path("usage")),
                finishReason(message.path("stop_reason").asText(""), !toolCalls.isEmpty()),
                model.isBlank() ? requestedModel : model);
    }

    private static String arguments(JsonNode input) {
        if (input.isTextual()) {
            return input.asText().isBlank() ? "{}" : input.asText();
        }
        return input.isObject() ? input.toString() : "{}";
    }

    /** Anthropic counts cached prompt tokens apart from {@code input_tokens}; Hermes counts them as input too. */
    static Usage usage(JsonNode usage) {
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long cacheWrite = usage.path("cache_creation_input_tokens").asLong(0);
        return new Usage(usage.path("input_tokens").asLong(0) + cacheRead + cacheWrite,
                usage.path("output_tokens").asLong(0), cacheRead, cacheWrite, 0);
    }

    static String finishReason(String stopReason, boolean calledTools) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence", "pause_turn" -> "stop";
            case "tool_use" -> "tool_calls";
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "refusal" -> "content_filter";
            default -> calledTools ? "tool_calls" : "stop";
        };
    }
}
