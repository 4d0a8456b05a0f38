package hermes.api;

import java.util.Objects;

/**
 * A model's whole answer.
 *
 * @param message the assistant message (text, tool calls, reasoning, provider data)
 * @param usage token counts, including cache reads and writes
 * @param finishReason the provider's finish reason normalised to {@code stop}, {@code tool_calls}, {@code length} or
 *     {@code content_filter}
 * @param model the model that actually answered (routers may substitute)
 */
public record ModelResponse(Message message, Usage usage, String finishReason, String model) {
    public ModelResponse {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(model, "model");
    }
}
