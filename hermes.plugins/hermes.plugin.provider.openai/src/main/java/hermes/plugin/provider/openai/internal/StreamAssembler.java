package hermes.plugin.provider.openai.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelResponse;
import hermes.api.StreamListener;
import hermes.api.ToolCall;
import hermes.api.Usage;

/**
 * Builds one {@link ModelResponse} from Chat Completions JSON: the chunks of a stream ({@code choices[0].delta}) or the
 * single object of a non-streamed answer ({@code choices[0].message}), which is read as one big delta so both paths
 * share every rule. Passes text, reasoning and tool call starts to the listener as they are decided.
 *
 * <p>Not thread-safe: one instance per answer, fed in stream order.
 */
final class StreamAssembler {

    private final StreamListener listener;
    private final ErrorMapper errors;
    private final RequestOptions options;
    private final ThinkTagSplitter contentSplitter;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ReasoningDetails reasoningDetails;
    private final TreeMap<Integer, PartialToolCall> toolCalls = new TreeMap<>();
    private Usage usage = Usage.NONE;
    private Optional<String> finishReason = Optional.empty();
    private Optional<String> model = Optional.empty();

    StreamAssembler(StreamListener listener, ObjectMapper json, ErrorMapper errors, RequestOptions options) {
        this.listener = listener;
        this.errors = errors;
        this.options = options;
        this.reasoningDetails = new ReasoningDetails(json);
        this.contentSplitter = new ThinkTagSplitter(this::addText, this::addReasoning);
    }

    /**
     * Takes one stream chunk or a whole answer.
     *
     * @throws ModelException when the chunk carries an {@code error} object instead of an answer
     */
    void accept(JsonNode chunk) throws ModelException {
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            throw errors.forErrorInAnswer(error, options);
        }
        textField(chunk, "model").ifPresent(name -> model = model.or(() -> Optional.of(name)));
        if (chunk.path("usage").isObject()) {
            usage = usage(chunk.get("usage"));
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isMissingNode()) {
            return;
        }
        boolean wholeMessage = choice.has("message");
        JsonNode delta = wholeMessage ? choice.get("message") : choice.path("delta");
        Optional<String> reasoningPiece = textField(delta, "reasoning_content").or(() -> textField(delta, "reasoning"));
        reasoningPiece.ifPresent(this::addReasoning);
        textField(delta, "content").ifPresent(contentSplitter::accept);
        if (delta.path("reasoning_details").isArray()) {
            reasoningDetails.add(delta.get("reasoning_details"));
        }
        JsonNode calls = delta.path("tool_calls");
        for (int position = 0; position < calls.size(); position++) {
            addToolCallDelta(calls.get(position), wholeMessage ? position : -1);
        }
        textField(choice, "finish_reason").ifPresent(reason -> finishReason = Optional.of(reason));
    }

    /** Whether the server said why the answer ended: a stream that closes before this was cut off. */
    boolean hasFinished() {
        return finishReason.isPresent();
    }

    /** The whole answer; call once, after the last chunk. */
    ModelResponse response(String requestedModel) {
        contentSplitter.finish();
        List<ToolCall> calls = new ArrayList<>();
        toolCalls.forEach((index, call) -> calls.add(new ToolCall(call.id.isEmpty() ? "call_" + index : call.id,
                call.name, call.arguments.toString())));
        List<ContentPart> content = text.toString().isBlank() ? List.of() : List.of(new ContentPart.Text(text.toString()));
        Optional<String> thoughts = reasoning.isEmpty() ? Optional.empty() : Optional.of(reasoning.toString());
        Message message = new Message(Message.Role.ASSISTANT, content, calls, Optional.empty(), thoughts,
                reasoningDetails.providerData());
        return new ModelResponse(message, usage, normalisedFinishReason(!calls.isEmpty()),
                model.orElse(requestedModel));
    }

    private void addText(String piece) {
        text.append(piece);
        listener.onText(piece);
    }

    private void addReasoning(String piece) {
        reasoning.append(piece);
        listener.onReasoning(piece);
    }

    /**
     * Tool calls stream as fragments keyed by {@code index}: id and name first, then the arguments text in arbitrary
     * pieces. A whole message's calls are keyed by position, since some servers leave the index out there.
     */
    private void addToolCallDelta(JsonNode fragment, int position) {
        int index = position >= 0 ? position : streamIndex(fragment);
        PartialToolCall call = toolCalls.computeIfAbsent(index, unused -> new PartialToolCall());
        // some servers repeat id and name in every fragment, so the first ones count
        textField(fragment, "id").filter(id -> call.id.isEmpty()).ifPresent(id -> call.id = id);
        JsonNode function = fragment.path("function");
        textField(function, "name").filter(name -> call.name.isEmpty()).ifPresent(name -> call.name = name);
        JsonNode arguments = function.path("arguments");
        if (arguments.isTextual()) {
            call.arguments.append(arguments.textValue());
        } else if (arguments.isObject()) {
            // a few local servers send the arguments as an object instead of JSON text
            call.arguments.setLength(0);
            call.arguments.append(arguments);
        }
        if (!call.announced && !call.id.isEmpty() && !call.name.isEmpty()) {
            call.announced = true;
            listener.onToolCallStarted(call.id, call.name);
        }
    }

    /** The index of a streamed fragment; without one, a new id starts a new call and anything else continues the last. */
    private int streamIndex(JsonNode fragment) {
        JsonNode index = fragment.get("index");
        if (index != null && index.canConvertToInt()) {
            return index.intValue();
        }
        Optional<String> id = textField(fragment, "id");
        if (toolCalls.isEmpty()) {
            return 0;
        }
        if (id.isEmpty()) {
            return toolCalls.lastKey();
        }
        return toolCalls.entrySet().stream()
                .filter(entry -> entry.getValue().id.equals(id.get()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(toolCalls.lastKey() + 1);
    }

    private String normalisedFinishReason(boolean hasToolCalls) {
        String normalised = switch (finishReason.orElse("stop")) {
            case "tool_calls", "function_call" -> "tool_calls";
            case "length", "max_tokens" -> "length";
            case "content_filter" -> "content_filter";
            default -> "stop";
        };
        // some servers say "stop" after calling tools; the loop must still run them
        return hasToolCalls && normalised.equals("stop") ? "tool_calls" : normalised;
    }

    private static Usage usage(JsonNode usage) {
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        if (cached.isMissingNode() || cached.isNull()) {
            cached = usage.path("prompt_cache_hit_tokens"); // DeepSeek's name for it
        }
        return new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                cached.asLong(0), 0, usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
    }

    private static Optional<String> textField(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isEmpty() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** A tool call while its fragments arrive. */
    private static final class PartialToolCall {
        private String id = "";
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();
        private boolean announced;
    }
}
