package hermes.plugin.provider.anthropic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;

/**
 * Writes a {@link ModelRequest} as an Anthropic Messages request body.
 *
 * <p>Hermes keeps conversations OpenAI-shaped; this maps them: system messages become the top-level {@code system}
 * blocks, tool results become {@code tool_result} blocks inside user messages, and messages of the same role merge so
 * that roles strictly alternate as the API demands. Prompt caching follows the original's "system_and_3" strategy: the
 * last system block and the last three messages carry a {@code cache_control} marker (four, the API's maximum).
 *
 * <p>Thread-safe: holds no per-request state.
 */
final class MessagesRequestWriter {

    private static final System.Logger LOG = System.getLogger(MessagesRequestWriter.class.getName());

    /** The most {@code cache_control} markers one request may carry. */
    static final int CACHE_BREAKPOINTS = 4;
    /** Stands in for content the API would refuse as empty (a blank turn stored in history must not wedge a session). */
    static final String EMPTY_PLACEHOLDER = "(empty)";
    /** Blocks the API will not let carry a cache marker; they are also the ones replayed from {@code providerData}. */
    static final Set<String> THINKING_TYPES = Set.of("thinking", "redacted_thinking");
    /** Anthropic tool ids must match {@code [a-zA-Z0-9_-]+}; ids made by other providers may not. */
    private static final Pattern INVALID_TOOL_ID_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    private final ObjectMapper json;
    private final ContentBlocks blocks = new ContentBlocks();

    MessagesRequestWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The request body.
     *
     * @throws IllegalArgumentException when the request cannot be expressed (an unreadable attachment, a tool whose
     *     schema is not a JSON object); the message says what to fix
     */
    ObjectNode body(ModelRequest request, MessagesOptions options) {
        ArrayNode system = json.createArrayNode();
        ArrayNode messages = json.createArrayNode();
        for (Message message : request.messages()) {
            switch (message.role()) {
                case SYSTEM -> message.content().stream()
                        .filter(part -> part instanceof ContentPart.Text text && !text.text().isBlank())
                        .forEach(part -> system.add(blocks.text(((ContentPart.Text) part).text())));
                case USER -> append(messages, "user", contentBlocks(message.content()));
                case ASSISTANT -> append(messages, "assistant", assistantBlocks(message));
                case TOOL -> append(messages, "user", List.of(toolResult(message)));
            }
        }
        for (JsonNode message : messages) {
            ArrayNode content = (ArrayNode) message.get("content");
            if (content.isEmpty()) {
                content.add(blocks.text(EMPTY_PLACEHOLDER));
            }
        }
        markCacheBreakpoints(system, messages, cacheMarker(options));

        ObjectNode body = json.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", options.maxTokens());
        if (!system.isEmpty()) {
            body.set("system", system);
        }
        body.set("messages", messages);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(spec -> tools.add(tool(spec)));
        }
        options.thinkingBudget().ifPresent(budget ->
                body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget));
        options.temperature().ifPresent(temperature -> body.put("temperature", temperature));
        if (options.stream()) {
            body.put("stream", true);
        }
        return body;
    }

    /** Adds blocks to the conversation, merging into the previous message when it has the same role. */
    private void append(ArrayNode messages, String role, List<ObjectNode> content) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ArrayNode target;
        if (last != null && role.equals(last.get("role").asText())) {
            target = (ArrayNode) last.get("content");
        } else {
            ObjectNode message = messages.addObject().put("role", role);
            target = message.putArray("content");
        }
        content.forEach(target::add);
    }

    private List<ObjectNode> contentBlocks(List<ContentPart> parts) {
        return parts.stream().map(blocks::block).flatMap(Optional::stream).toList();
    }

    /** Thinking blocks exactly as they came (their signatures are checked), then the text, then the tool calls. */
    private List<ObjectNode> assistantBlocks(Message message) {
        List<ObjectNode> content = new ArrayList<>();
        message.providerData().ifPresent(data -> content.addAll(thinkingBlocks(data)));
        String text = message.text();
        if (!text.isBlank()) {
            content.add(blocks.text(text));
        }
        for (ToolCall call : message.toolCalls()) {
            ObjectNode use = json.createObjectNode()
                    .put("type", "tool_use").put("id", toolId(call.id())).put("name", call.name());
            use.set("input", toolInput(call.arguments()));
            content.add(use);
        }
        return content;
    }

    private List<ObjectNode> thinkingBlocks(String providerData) {
        List<ObjectNode> thinking = new ArrayList<>();
        try {
            JsonNode stored = json.readTree(providerData);
            if (stored.isArray()) {
                for (JsonNode block : stored) {
                    if (block instanceof ObjectNode object && THINKING_TYPES.contains(block.path("type").asText())) {
                        thinking.add(object);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // Not ours (another provider's payload after a fallback switch): nothing to replay here.
            LOG.log(System.Logger.Level.DEBUG, "ignoring provider data that is not JSON", e);
        }
        return thinking;
    }

    /** The model's argument text as an object; malformed arguments go back as {@code {}} (the API wants an object). */
    private JsonNode toolInput(String arguments) {
        try {
            JsonNode parsed = json.readTree(arguments);
            if (parsed instanceof ObjectNode) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // the model's own malformed output; the tool result already told it so
        }
        return json.createObjectNode();
    }

    private ObjectNode toolResult(Message message) {
        ObjectNode result = json.createObjectNode()
                .put("type", "tool_result").put("tool_use_id", toolId(message.toolCallId().orElse("")));
        boolean textOnly = message.content().stream().allMatch(ContentPart.Text.class::isInstance);
        if (textOnly) {
            String text = message.text();
            result.put("content", text.isBlank() ? EMPTY_PLACEHOLDER : text);
        } else {
            ArrayNode content = result.putArray("content");
            contentBlocks(message.content()).forEach(content::add);
        }
        return result;
    }

    private ObjectNode tool(ToolSpec spec) {
        ObjectNode tool = json.createObjectNode().put("name", spec.name()).put("description", spec.description());
        try {
            JsonNode schema = json.readTree(spec.parametersSchema());
            if (schema instanceof ObjectNode) {
                tool.set("input_schema", schema);
                return tool;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("the tool " + spec.name()
                + " has a parameters schema that is not a JSON object; fix the tool's spec");
    }

    static String toolId(String id) {
        String sanitized = INVALID_TOOL_ID_CHARS.matcher(id).replaceAll("_");
        return sanitized.isEmpty() ? "tool_0" : sanitized;
    }

    private ObjectNode cacheMarker(MessagesOptions options) {
        ObjectNode marker = json.createObjectNode().put("type", "ephemeral");
        if (options.oneHourCache()) {
            marker.put("ttl", "1h");
        }
        return marker;
    }

    /**
     * The last system block, then the newest messages that can carry a marker until four are placed. A message carries
     * it on its last block; a message ending in a thinking block cannot (the API refuses markers there) and is skipped.
     */
    private static void markCacheBreakpoints(ArrayNode system, ArrayNode messages, ObjectNode marker) {
        int remaining = CACHE_BREAKPOINTS;
        if (!system.isEmpty()) {
            ((ObjectNode) system.get(system.size() - 1)).set("cache_control", marker.deepCopy());
            remaining--;
        }
        for (int i = messages.size() - 1; i >= 0 && remaining > 0; i--) {
            JsonNode content = messages.get(i).get("content");
            ObjectNode lastBlock = (ObjectNode) content.get(content.size() - 1);
            if (!THINKING_TYPES.contains(lastBlock.path("type").asText())) {
                lastBlock.set("cache_control", marker.deepCopy());
                remaining--;
            }
        }
    }
}
