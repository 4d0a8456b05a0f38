package hermes.plugin.channel.apiserver.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.Usage;

/**
 * Every JSON document the server writes, in the shapes OpenAI clients parse: {@code chat.completion},
 * {@code chat.completion.chunk}, the model list, error objects. One place, so the streaming and the plain answer
 * cannot drift apart.
 *
 * <p>Threading: any thread (Jackson's mapper is thread-safe once configured).
 */
final class CompletionJson {

    /**
     * What every chunk of one completion repeats.
     *
     * @param id {@code chatcmpl-} and 29 hex digits, as OpenAI spells them
     * @param created seconds since the epoch
     * @param model the model name the client asked for (the field is cosmetic: Hermes answers with its own)
     */
    record Header(String id, long created, String model) {
        static Header next(String model) {
            String hex = UUID.randomUUID().toString().replace("-", "");
            return new Header("chatcmpl-" + hex.substring(0, 29), Instant.now().getEpochSecond(), model);
        }
    }

    private final ObjectMapper mapper;

    CompletionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; reaching this is a bug in this class
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    ObjectNode health() {
        return mapper.createObjectNode().put("status", "ok").put("platform", "hermes-agent");
    }

    ObjectNode models(String modelName, long created) {
        ObjectNode list = mapper.createObjectNode().put("object", "list");
        ObjectNode model = list.putArray("data").addObject();
        model.put("id", modelName).put("object", "model").put("created", created).put("owned_by", "hermes");
        model.putArray("permission");
        model.put("root", modelName).putNull("parent");
        return list;
    }

    ObjectNode error(ApiError error) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode body = root.putObject("error").put("message", error.getMessage()).put("type", error.type());
        error.param().ifPresentOrElse(p -> body.put("param", p), () -> body.putNull("param"));
        error.code().ifPresentOrElse(c -> body.put("code", c), () -> body.putNull("code"));
        return root;
    }

    /** The whole answer of a non-streaming request. */
    ObjectNode completion(Header header, String content, String finishReason, Usage usage) {
        ObjectNode root = envelope(header, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", finishReason);
        root.set("usage", usage(usage));
        return root;
    }

    /** The first chunk of a stream: it names the speaker, as OpenAI's first chunk does. */
    ObjectNode roleChunk(Header header) {
        ObjectNode delta = mapper.createObjectNode().put("role", "assistant").put("content", "");
        return chunk(header, delta, Optional.empty());
    }

    ObjectNode contentChunk(Header header, String text) {
        return chunk(header, mapper.createObjectNode().put("content", text), Optional.empty());
    }

    /** The last chunk: an empty delta, the finish reason and the turn's usage. */
    ObjectNode finalChunk(Header header, String finishReason, Usage usage) {
        ObjectNode chunk = chunk(header, mapper.createObjectNode(), Optional.of(finishReason));
        chunk.set("usage", usage(usage));
        return chunk;
    }

    private ObjectNode chunk(Header header, ObjectNode delta, Optional<String> finishReason) {
        ObjectNode root = envelope(header, "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        finishReason.ifPresentOrElse(r -> choice.put("finish_reason", r), () -> choice.putNull("finish_reason"));
        return root;
    }

    private ObjectNode envelope(Header header, String object) {
        return mapper.createObjectNode().put("id", header.id()).put("object", object)
                .put("created", header.created()).put("model", header.model());
    }

    /** OpenAI's usage block; cache reads and reasoning go in the detail objects clients know. */
    ObjectNode usage(Usage usage) {
        ObjectNode node = mapper.createObjectNode().put("prompt_tokens", usage.inputTokens())
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", usage.inputTokens() + usage.outputTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cacheReadTokens());
        node.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        return node;
    }
}
