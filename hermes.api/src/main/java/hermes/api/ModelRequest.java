package hermes.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a model.
 *
 * @param model the provider's model name (without the {@code provider:} prefix)
 * @param messages the conversation, system prompt first
 * @param tools the tools the model may call (empty for a tool-less call)
 * @param options provider options as strings: {@code max_tokens}, {@code temperature}, {@code reasoning_effort}, … ;
 *     providers ignore keys they do not know
 */
public record ModelRequest(String model, List<Message> messages, List<ToolSpec> tools, Map<String, String> options) {
    public ModelRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        options = Map.copyOf(options);
    }
}
