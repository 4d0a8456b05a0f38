package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;

/**
 * OpenAI Chat Completions: a {@code chat.completion} object, or {@code chat.completion.chunk} SSE events ending in
 * {@code data: [DONE]}. Reasoning goes in {@code reasoning_content}, the field DeepSeek, Qwen and vLLM use.
 */
final class OpenAiWire implements Wire {

    private static final int CONTEXT_LIMIT = 128_000;

    @Override
    public MockResponse answer(Reply reply, CapturedRequest request, JsonNode requestJson, int sequence) {
        Completion completion = new Completion("chatcmpl-fake" + sequence, System.currentTimeMillis() / 1000,
                requestJson.path("model").asText("fake-model"));
        ObjectNode usage = usage(reply.usageFor(request.body()));
        if (!requestJson.path("stream").asBoolean(false)) {
            return HttpReplies.json(200, Json.write(completion.whole(reply, usage)), reply);
        }
        boolean includeUsage = requestJson.path("stream_options").path("include_usage").asBoolean(false);
        return HttpReplies.eventStream(
                completion.chunks(reply, includeUsage ? Optional.of(usage) : Optional.empty()), reply);
    }

    @Override
    public MockResponse failure(Reply reply) {
        Reply.Failure failure = reply.failure();
        ObjectNode error = Json.object();
        if (failure.contextLength()) {
            error.put("message", "This model's maximum context length is " + CONTEXT_LIMIT + " tokens. However, your"
                    + " messages resulted in " + (CONTEXT_LIMIT + 1904) + " tokens. Please reduce the length of the"
                    + " messages.");
            error.put("type", "invalid_request_error");
            error.put("param", "messages");
            error.put("code", "context_length_exceeded");
        } else {
            error.put("message", failure.message());
            error.put("type", errorType(failure.status()));
            error.putNull("param");
            String code = errorCode(failure.status());
            if (code.isEmpty()) {
                error.putNull("code");
            } else {
                error.put("code", code);
            }
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return HttpReplies.json(failure.status(), Json.write(body), reply);
    }

    private static String errorType(int status) {
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> "";
        };
    }

    private static ObjectNode usage(Reply.TokenUsage tokens) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", tokens.input());
        usage.put("completion_tokens", tokens.output());
        usage.put("total_tokens", tokens.input() + tokens.output());
        usage.putObject("prompt_tokens_details").put("cached_tokens", tokens.cacheRead());
        return usage;
    }

    /** The fields every object of one completion shares. */
    private record Completion(String id, long created, String model) {

        ObjectNode whole(Reply reply, ObjectNode usage) {
            ObjectNode message = Json.object().put("role", "assistant");
            if (reply.text().isEmpty() && reply.hasToolCalls()) {
                message.putNull("content");
            } else {
                message.put("content", reply.text());
            }
            reply.reasoning().ifPresent(reasoning -> message.put("reasoning_content", reasoning));
            if (reply.hasToolCalls()) {
                ArrayNode calls = message.putArray("tool_calls");
                for (ToolCallReply call : reply.calls()) {
                    ObjectNode wireCall = calls.addObject().put("id", call.id()).put("type", "function");
                    wireCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
                }
            }
            ObjectNode completion = header("chat.completion");
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
            choice.set("message", message);
            choice.put("finish_reason", finishReason(reply));
            completion.set("usage", usage);
            return completion;
        }

        /** The SSE frames; {@code usage} is present when the request set {@code stream_options.include_usage}. */
        List<String> chunks(Reply reply, Optional<ObjectNode> usage) {
            List<ObjectNode> chunks = new ArrayList<>();
            chunks.add(chunk(Json.object().put("role", "assistant").put("content", "")));
            reply.reasoning().ifPresent(reasoning -> reply.fragments(reasoning)
                    .forEach(piece -> chunks.add(chunk(Json.object().put("reasoning_content", piece)))));
            reply.fragments(reply.text()).forEach(piece -> chunks.add(chunk(Json.object().put("content", piece))));
            for (int index = 0; index < reply.calls().size(); index++) {
                ToolCallReply call = reply.calls().get(index);
                ObjectNode opening = toolCallDelta(index).put("id", call.id()).put("type", "function");
                opening.putObject("function").put("name", call.name()).put("arguments", "");
                chunks.add(chunk(wrapCall(opening)));
                for (String piece : reply.fragments(call.arguments())) {
                    ObjectNode fragment = toolCallDelta(index);
                    fragment.putObject("function").put("arguments", piece);
                    chunks.add(chunk(wrapCall(fragment)));
                }
            }
            chunks.add(chunk(Json.object(), TextNode.valueOf(finishReason(reply))));
            usage.ifPresent(counts -> {
                // with include_usage every chunk carries "usage": null and one extra chunk without choices has it
                chunks.forEach(chunk -> chunk.putNull("usage"));
                ObjectNode usageChunk = header("chat.completion.chunk");
                usageChunk.putArray("choices");
                usageChunk.set("usage", counts);
                chunks.add(usageChunk);
            });
            List<String> frames = new ArrayList<>();
            chunks.forEach(chunk -> frames.add("data: " + Json.write(chunk) + "\n\n"));
            frames.add("data: [DONE]\n\n");
            return frames;
        }

        private ObjectNode chunk(ObjectNode delta) {
            return chunk(delta, NullNode.getInstance());
        }

        private ObjectNode chunk(ObjectNode delta, JsonNode finishReason) {
            ObjectNode chunk = header("chat.completion.chunk");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.set("delta", delta);
            choice.set("finish_reason", finishReason);
            return chunk;
        }

        private static ObjectNode toolCallDelta(int index) {
            return Json.object().put("index", index);
        }

        private static ObjectNode wrapCall(ObjectNode call) {
            ObjectNode delta = Json.object();
            delta.putArray("tool_calls").add(call);
            return delta;
        }

        private ObjectNode header(String object) {
            return Json.object().put("id", id).put("object", object).put("created", created).put("model", model);
        }

        private static String finishReason(Reply reply) {
            return reply.hasToolCalls() ? "tool_calls" : "stop";
        }
    }
}
