package hermes.plugin.provider.anthropic.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.ModelException;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;

/**
 * Puts an Anthropic Messages event stream back together into the message object a non-streamed call would have
 * returned, passing text, thinking and tool-call starts to the {@link StreamListener} as they arrive.
 *
 * <p>Events: {@code message_start} carries the model and the prompt usage; {@code content_block_start},
 * {@code content_block_delta} ({@code text_delta}, {@code thinking_delta}, {@code signature_delta},
 * {@code input_json_delta}) and {@code content_block_stop} build one block by index; {@code message_delta} carries the
 * stop reason and the cumulative usage; {@code message_stop} ends the answer; {@code error} fails it; {@code ping} and
 * unknown events are ignored.
 *
 * <p>Not thread-safe: one instance per call, fed from the call's thread.
 */
final class MessagesStreamAssembler {

    private final ObjectMapper json;
    private final MessagesResponseReader reader;
    private final AnthropicErrors errors;
    private final String requestedModel;
    private final StreamListener listener;

    private ObjectNode message;
    /** Blocks by stream index, in index order; the API numbers them in content order. */
    private final Map<Integer, Block> blocks = new TreeMap<>();

    MessagesStreamAssembler(ObjectMapper json, MessagesResponseReader reader, AnthropicErrors errors,
                            String requestedModel, StreamListener listener) {
        this.json = json;
        this.reader = reader;
        this.errors = errors;
        this.requestedModel = requestedModel;
        this.listener = listener;
        this.message = json.createObjectNode();
    }

    /**
     * Takes one event.
     *
     * @param eventType the SSE event name, used when the data has no {@code type} of its own
     * @param data the event's JSON data
     * @return the whole response once {@code message_stop} arrived, else empty
     * @throws ModelException for an {@code error} event or an event this code cannot read
     */
    Optional<ModelResponse> accept(String eventType, String data) throws ModelException {
        JsonNode event;
        try {
            event = json.readTree(data);
        } catch (JsonProcessingException e) {
            throw errors.malformed("a stream event that is not JSON", e);
        }
        switch (event.path("type").asText(eventType)) {
            case "message_start" -> {
                if (!(event.path("message") instanceof ObjectNode start)) {
                    throw errors.malformed("a message_start event without a message");
                }
                message = start;
            }
            case "content_block_start" -> start(index(event), event.path("content_block"));
            case "content_block_delta" -> block(index(event)).append(event.path("delta"), listener);
            case "content_block_stop" -> block(index(event)).close();
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> {
                return Optional.of(finish());
            }
            case "error" -> throw errors.forErrorEvent(event);
            default -> {
                // ping, and event types newer than this code
            }
        }
        return Optional.empty();
    }

    private void start(int index, JsonNode contentBlock) throws ModelException {
        if (!(contentBlock instanceof ObjectNode object)) {
            throw errors.malformed("a content_block_start event without a content block");
        }
        Block block = new Block(object.deepCopy());
        blocks.put(index, block);
        switch (block.type()) {
            case "text" -> {
                String text = object.path("text").asText("");
                block.text.append(text);
                if (!text.isEmpty()) {
                    listener.onText(text);
                }
            }
            case "thinking" -> {
                block.text.append(object.path("thinking").asText(""));
                block.signature.append(object.path("signature").asText(""));
            }
            case "tool_use" -> listener.onToolCallStarted(object.path("id").asText(""), object.path("name").asText(""));
            default -> {
                // redacted thinking arrives whole in its start event; other types are kept as they came
            }
        }
    }

    private void messageDelta(JsonNode event) {
        JsonNode stopReason = event.path("delta").path("stop_reason");
        if (stopReason.isTextual()) {
            message.put("stop_reason", stopReason.asText());
        }
        // The delta's counts are cumulative and may include the prompt counts (server tools grow them): latest wins.
        JsonNode usage = event.path("usage");
        if (usage.isObject()) {
            ObjectNode merged = message.path("usage") instanceof ObjectNode existing ? existing : message.putObject("usage");
            usage.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
    }

    private ModelResponse finish() {
        ArrayNode content = message.putArray("content");
        blocks.values().forEach(block -> content.add(block.close()));
        return reader.response(message, requestedModel);
    }

    private int index(JsonNode event) throws ModelException {
        JsonNode index = event.path("index");
        if (!index.canConvertToInt()) {
            throw errors.malformed("a content block event without an index");
        }
        return index.asInt();
    }

    private Block block(int index) throws ModelException {
        Block block = blocks.get(index);
        if (block == null) {
            throw errors.malformed("a content block event for block " + index + " that never started");
        }
        return block;
    }

    /** One content block being streamed: the start event's object plus the text its deltas add up to. */
    private static final class Block {
        private final ObjectNode node;
        /** The text, the thinking, or a tool call's raw argument JSON, depending on the type. */
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder signature = new StringBuilder();

        Block(ObjectNode node) {
            this.node = node;
        }

        String type() {
            return node.path("type").asText();
        }

        void append(JsonNode delta, StreamListener listener) {
            switch (delta.path("type").asText()) {
                case "text_delta" -> {
                    String piece = delta.path("text").asText("");
                    text.append(piece);
                    listener.onText(piece);
                }
                case "thinking_delta" -> {
                    String piece = delta.path("thinking").asText("");
                    text.append(piece);
                    listener.onReasoning(piece);
                }
                case "signature_delta" -> signature.append(delta.path("signature").asText(""));
                case "input_json_delta" -> text.append(delta.path("partial_json").asText(""));
                default -> {
                    // citations and delta types newer than this code
                }
            }
        }

        /** The finished block; idempotent, so a block whose stop event never came is finished at message_stop. */
        ObjectNode close() {
            switch (type()) {
                case "text" -> node.put("text", text.toString());
                case "thinking" -> node.put("thinking", text.toString()).put("signature", signature.toString());
                case "tool_use" -> {
                    // Arguments stay the model's raw text (possibly malformed); no fragments means the start's input.
                    if (!text.isEmpty()) {
                        node.put("input", text.toString());
                    }
                }
                default -> {
                    // kept as it came
                }
            }
            return node;
        }
    }
}
