package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * Anthropic Messages: a {@code message} object, or the named SSE events {@code message_start}, {@code ping},
 * {@code content_block_start/delta/stop} per block, {@code message_delta} and {@code message_stop}. Blocks come in
 * the order thinking, text, tool uses.
 */
final class AnthropicWire implements Wire {

    private static final int CONTEXT_LIMIT = 200_000;

    @Override
    public MockResponse answer(Reply reply, CapturedRequest request, JsonNode requestJson, int sequence) {
        Message message = new Message("msg_fake" + sequence, requestJson.path("model").asText("fake-model"),
                reply.usageFor(request.body()));
        if (requestJson.path("stream").asBoolean(false)) {
            return HttpReplies.eventStream(message.events(reply), reply);
        }
        try {
            return HttpReplies.json(200, Json.write(message.whole(reply)), reply);
        } catch (IllegalArgumentException badArguments) {
            return failure(Reply.failure(500, "fake model server: " + badArguments.getMessage()));
        }
    }

    @Override
    public MockResponse failure(Reply reply) {
        Reply.Failure failure = reply.failure();
        ObjectNode body = Json.object().put("type", "error");
        ObjectNode error = body.putObject("error");
        if (failure.contextLength()) {
            error.put("type", "invalid_request_error");
            error.put("message", "prompt is too long: " + (CONTEXT_LIMIT + 8310) + " tokens > " + CONTEXT_LIMIT
                    + " maximum");
        } else {
            error.put("type", errorType(failure.status()));
            error.put("message", failure.message());
        }
        return HttpReplies.json(failure.status(), Json.write(body), reply);
    }

    private static String errorType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** One message being rendered. */
    private record Message(String id, String model, Reply.TokenUsage tokens) {

        /** The whole message; throws {@link IllegalArgumentException} when tool arguments are not a JSON object. */
        ObjectNode whole(Reply reply) {
            ObjectNode message = header();
            ArrayNode content = message.putArray("content");
            reply.reasoning().ifPresent(reasoning -> content.addObject().put("type", "thinking")
                    .put("thinking", reasoning).put("signature", Reply.THINKING_SIGNATURE));
            if (hasTextBlock(reply)) {
                content.addObject().put("type", "text").put("text", reply.text());
            }
            for (ToolCallReply call : reply.calls()) {
                content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                        .set("input", inputObject(call));
            }
            message.put("stop_reason", stopReason(reply));
            message.putNull("stop_sequence");
            message.set("usage", usage(tokens.output()));
            return message;
        }

        List<String> events(Reply reply) {
            List<String> frames = new ArrayList<>();
            ObjectNode start = header();
            start.putArray("content");
            start.putNull("stop_reason");
            start.putNull("stop_sequence");
            // the real API counts a token or so of output here and the full count in message_delta
            start.set("usage", usage(1));
            frames.add(event("message_start", Json.object().put("type", "message_start").set("message", start)));
            frames.add(event("ping", Json.object().put("type", "ping")));
            int index = 0;
            if (reply.reasoning().isPresent()) {
                frames.add(blockStart(index, Json.object().put("type", "thinking").put("thinking", "")
                        .put("signature", "")));
                for (String piece : reply.fragments(reply.reasoning().get())) {
                    frames.add(blockDelta(index, Json.object().put("type", "thinking_delta").put("thinking", piece)));
                }
                frames.add(blockDelta(index, Json.object().put("type", "signature_delta")
                        .put("signature", Reply.THINKING_SIGNATURE)));
                frames.add(blockStop(index++));
            }
            if (hasTextBlock(reply)) {
                frames.add(blockStart(index, Json.object().put("type", "text").put("text", "")));
                for (String piece : reply.fragments(reply.text())) {
                    frames.add(blockDelta(index, Json.object().put("type", "text_delta").put("text", piece)));
                }
                frames.add(blockStop(index++));
            }
            for (ToolCallReply call : reply.calls()) {
                ObjectNode block = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
                block.putObject("input");
                frames.add(blockStart(index, block));
                for (String piece : reply.fragments(call.arguments())) {
                    frames.add(blockDelta(index, Json.object().put("type", "input_json_delta")
                            .put("partial_json", piece)));
                }
                frames.add(blockStop(index++));
            }
            ObjectNode delta = Json.object().put("type", "message_delta");
            delta.putObject("delta").put("stop_reason", stopReason(reply)).putNull("stop_sequence");
            delta.putObject("usage").put("output_tokens", tokens.output());
            frames.add(event("message_delta", delta));
            frames.add(event("message_stop", Json.object().put("type", "message_stop")));
            return frames;
        }

        private ObjectNode header() {
            return Json.object().put("id", id).put("type", "message").put("role", "assistant").put("model", model);
        }

        /** Anthropic counts uncached input apart from cache reads and writes. */
        private ObjectNode usage(long outputTokens) {
            return Json.object()
                    .put("input_tokens", tokens.input() - tokens.cacheRead() - tokens.cacheWrite())
                    .put("cache_creation_input_tokens", tokens.cacheWrite())
                    .put("cache_read_input_tokens", tokens.cacheRead())
                    .put("output_tokens", outputTokens);
        }

        private static String blockStart(int index, ObjectNode block) {
            ObjectNode data = Json.object().put("type", "content_block_start").put("index", index);
            data.set("content_block", block);
            return event("content_block_start", data);
        }

        private static String blockDelta(int index, ObjectNode delta) {
            ObjectNode data = Json.object().put("type", "content_block_delta").put("index", index);
            data.set("delta", delta);
            return event("content_block_delta", data);
        }

        private static String blockStop(int index) {
            return event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index));
        }

        private static String event(String name, JsonNode data) {
            return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
        }

        /** A text block when there is text, and also when there is nothing else, so content is never empty. */
        private static boolean hasTextBlock(Reply reply) {
            return !reply.text().isEmpty() || !reply.hasToolCalls();
        }

        private static JsonNode inputObject(ToolCallReply call) {
            JsonNode input;
            try {
                input = Json.parse(call.arguments());
            } catch (IllegalArgumentException e) {
                input = Json.array();
            }
            if (!input.isObject()) {
                throw new IllegalArgumentException("tool call '" + call.id() + "' (" + call.name() + ") has arguments"
                        + " that are not a JSON object, which a non-streamed Anthropic reply cannot carry as input: "
                        + call.arguments());
            }
            return input;
        }

        private static String stopReason(Reply reply) {
            return reply.hasToolCalls() ? "tool_use" : "end_turn";
        }
    }
}
