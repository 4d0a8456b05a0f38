package hermes.plugin.provider.openai.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ModelRequest;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;

/**
 * Writes the JSON body of a {@code POST /chat/completions} request. Stateless apart from the (thread-safe) mapper.
 */
final class RequestWriter {

    private static final System.Logger LOG = System.getLogger(RequestWriter.class.getName());

    /** Media types whose {@code input_audio} format name is not simply their subtype. */
    private static final Map<String, String> AUDIO_FORMATS = Map.of(
            "audio/mpeg", "mp3", "audio/x-wav", "wav", "audio/wave", "wav");

    private final ObjectMapper json;

    private static final int MAX_CACHED_TOOLS = 1024;

    private final Map<ToolSpec, RawValue> toolJson = new ConcurrentHashMap<>();

    RequestWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The request body.
     *
     * @throws ModelException of kind {@link ModelException.Kind#BAD_REQUEST} when a message or tool cannot be expressed
     *     in this wire format
     */
    ObjectNode body(ModelRequest request, RequestOptions options) throws ModelException {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            messages.add(message(message));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                tools.addRawValue(tool(tool));
            }
        }
        body.put("stream", options.stream());
        if (options.stream()) {
            // without it the stream carries no token counts at all
            body.putObject("stream_options").put("include_usage", true);
        }
        options.maxTokens().ifPresent(limit ->
                body.put(options.isOpenAiPlatform() ? "max_completion_tokens" : "max_tokens", limit));
        options.temperature().ifPresent(temperature -> body.put("temperature", temperature));
        options.reasoningEffort().ifPresent(effort -> {
            if (options.isOpenRouter()) {
                body.putObject("reasoning").put("effort", effort);
            } else {
                body.put("reasoning_effort", effort);
            }
        });
        return body;
    }

    private ObjectNode message(Message message) throws ModelException {
        ObjectNode node = json.createObjectNode();
        switch (message.role()) {
            case SYSTEM -> node.put("role", "system").set("content", content(message.content()));
            case USER -> node.put("role", "user").set("content", content(message.content()));
            case TOOL -> node.put("role", "tool")
                    .put("tool_call_id", message.toolCallId().orElse(""))
                    .put("content", message.text());
            case ASSISTANT -> assistant(message, node);
        }
        return node;
    }

    private void assistant(Message message, ObjectNode node) throws ModelException {
        node.put("role", "assistant");
        if (message.content().isEmpty() && !message.toolCalls().isEmpty()) {
            node.putNull("content");
        } else {
            node.set("content", content(message.content()));
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode entry = calls.addObject().put("id", call.id()).put("type", "function");
                // some servers refuse an empty string where a JSON object is expected
                entry.putObject("function").put("name", call.name())
                        .put("arguments", call.arguments().isBlank() ? "{}" : call.arguments());
            }
        }
        message.providerData().ifPresent(data -> mergeProviderData(data, node));
    }

    /** Fields this provider captured from an earlier answer (OpenRouter's reasoning_details) go back as they came. */
    private void mergeProviderData(String data, ObjectNode assistant) {
        try {
            JsonNode fields = json.readTree(data);
            if (fields instanceof ObjectNode object) {
                assistant.setAll(object);
                return;
            }
        } catch (JsonProcessingException e) {
            // fall through to the warning: the data came from elsewhere and is not ours to send
        }
        LOG.log(System.Logger.Level.WARNING, "ignoring an assistant message's provider data: it is not a JSON object");
    }

    /** A single text part goes as a plain string, which every compatible server understands. */
    private JsonNode content(List<ContentPart> parts) throws ModelException {
        if (parts.isEmpty()) {
            return json.getNodeFactory().textNode("");
        }
        if (parts.size() == 1 && parts.getFirst() instanceof ContentPart.Text text) {
            return json.getNodeFactory().textNode(text.text());
        }
        ArrayNode array = json.createArrayNode();
        for (ContentPart part : parts) {
            array.add(part(part));
        }
        return array;
    }

    private ObjectNode part(ContentPart part) throws ModelException {
        ObjectNode node = json.createObjectNode();
        switch (part) {
            case ContentPart.Text text -> node.put("type", "text").put("text", text.text());
            case ContentPart.Image image -> node.put("type", "image_url").putObject("image_url").put("url", image.url());
            case ContentPart.Audio audio -> node.put("type", "input_audio").putObject("input_audio")
                    .put("data", base64Payload(audio.url(), "audio"))
                    .put("format", audioFormat(audio.mediaType()));
            case ContentPart.File file -> node.put("type", "file").putObject("file")
                    .put("filename", file.name())
                    .put("file_data", dataUrl(file.url(), "a file"));
        }
        return node;
    }

    /**
     * A tool as sent, serialised once and then reused: the specs are the same on every call, and parsing and writing
     * some 60 schemas per request was the largest part of a gateway turn's CPU (bench/gateway).
     */
    private RawValue tool(ToolSpec tool) throws ModelException {
        RawValue cached = toolJson.get(tool);
        if (cached != null) {
            return cached;
        }
        ObjectNode node = json.createObjectNode().put("type", "function");
        ObjectNode function = node.putObject("function").put("name", tool.name()).put("description", tool.description());
        RawValue written;
        try {
            function.set("parameters", json.readTree(tool.parametersSchema()));
            written = new RawValue(json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new ModelException(ModelException.Kind.BAD_REQUEST, "the tool " + tool.name()
                    + " has a parameters schema that is not valid JSON: " + e.getOriginalMessage()
                    + "; fix the tool's ToolSpec.parametersSchema", e);
        }
        if (toolJson.size() >= MAX_CACHED_TOOLS) {
            toolJson.clear(); // plugins come and go; a full cache simply starts over
        }
        toolJson.put(tool, written);
        return written;
    }

    /** Chat Completions takes audio and files only inline, so a URL the server would have to fetch is refused. */
    private static String dataUrl(String url, String what) throws ModelException {
        if (!url.startsWith("data:") || !url.contains(";base64,")) {
            String shown = url.length() > 80 ? url.substring(0, 80) + "…" : url;
            throw new ModelException(ModelException.Kind.BAD_REQUEST, "the chat_completions wire format can only send "
                    + what + " as a base64 data: URL, not " + shown + "; attach its content inline");
        }
        return url;
    }

    private static String base64Payload(String url, String what) throws ModelException {
        String dataUrl = dataUrl(url, what);
        return dataUrl.substring(dataUrl.indexOf(";base64,") + ";base64,".length());
    }

    private static String audioFormat(String mediaType) {
        String known = AUDIO_FORMATS.get(mediaType);
        return known != null ? known : mediaType.substring(mediaType.indexOf('/') + 1);
    }
}
