package hermes.plugin.channel.apiserver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.Submission;

/**
 * A {@code POST /v1/chat/completions} body as Hermes takes it.
 *
 * <p>Stateless (no {@code X-Hermes-Session-Id}): the request's {@code messages} are the whole conversation, as OpenAI
 * clients expect. The last user message is the new input ({@link #turn()}); everything before it is the
 * {@link #seed()}, given to a new session before the turn.
 *
 * <p>System (and {@code developer}) messages are layered on top of Hermes's own system prompt, as the original does:
 * they go first in the seed as one {@link Message.Role#SYSTEM} message, after the prompt Hermes builds (the OpenAI
 * wire sends it as a second system message, the Anthropic wire appends it to the system blocks). Hermes's prompt is
 * never replaced, so its tools, memory and skills stay described.
 *
 * <p>Continuing a stored session: only the last user message is read; the stored history is the context, and the
 * system messages are those the session was started with.
 *
 * <p>Tool messages and the tool calls of assistant messages are dropped: they belong to tools of the client, which
 * Hermes does not run; the assistant's text is kept.
 *
 * @param seed the earlier messages, empty when there are none or the session continues
 * @param turn the new user input
 * @param stream whether the client asked for server-sent events
 * @param model the model name the client gave, echoed in the answer (Hermes answers with its configured model)
 * @param user the client's end-user id ({@code user}), if given
 */
record ChatRequest(List<Message> seed, Submission.UserTurn turn, boolean stream, String model, Optional<String> user) {

    ChatRequest {
        seed = List.copyOf(seed);
    }

    /**
     * Reads a request body.
     *
     * @param continuing whether the request continues a stored session (only its last user message is new input)
     * @param defaultModel the model name to echo when the request names none
     * @throws ApiError 400 naming the field at fault and the fix
     */
    static ChatRequest parse(JsonNode body, boolean continuing, String defaultModel) throws ApiError {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("the request body must be a JSON object with a messages array, as in "
                    + "{\"model\": \"hermes-agent\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}",
                    "body");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("messages is missing or empty: send the conversation as "
                    + "[{\"role\": \"user\", \"content\": \"…\"}]", "messages");
        }
        List<String> instructions = new ArrayList<>();
        List<Message> conversation = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            read(messages.get(i), "messages[" + i + "]", instructions, conversation);
        }
        if (conversation.isEmpty() || conversation.getLast().role() != Message.Role.USER
                || !ContentParts.hasPayload(conversation.getLast().content())) {
            throw ApiError.badRequest("no user message to answer: the last message (apart from system messages) "
                    + "must have role user and some text or an image", "messages");
        }
        Message last = conversation.removeLast();
        List<Message> seed = new ArrayList<>();
        if (!continuing) {
            if (!instructions.isEmpty()) {
                seed.add(Message.system(String.join("\n", instructions)));
            }
            seed.addAll(conversation);
        }
        return new ChatRequest(seed, new Submission.UserTurn(last.content()), stream(body), model(body, defaultModel),
                text(body, "user"));
    }

    private static void read(JsonNode message, String where, List<String> instructions, List<Message> conversation)
            throws ApiError {
        if (!message.isObject()) {
            throw ApiError.badRequest(where + " must be an object with role and content", where);
        }
        String role = message.path("role").asText("");
        String param = where + ".content";
        switch (role) {
            case "system", "developer" -> {
                // system text only: providers do not render images in system prompts
                String text = ContentParts.parse(message.get("content"), param).stream()
                        .filter(ContentPart.Text.class::isInstance).map(p -> ((ContentPart.Text) p).text())
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                if (!text.isBlank()) {
                    instructions.add(text);
                }
            }
            case "user" -> conversation.add(message(Message.Role.USER, ContentParts.parse(message.get("content"),
                    param)));
            case "assistant" -> {
                List<ContentPart> content = ContentParts.parse(message.get("content"), param);
                if (!content.isEmpty()) {
                    conversation.add(message(Message.Role.ASSISTANT, content));
                }
            }
            case "tool", "function" -> {
                // the client's own tools: Hermes neither ran them nor can replay them
            }
            default -> throw ApiError.badRequest(where + ".role must be system, developer, user, assistant or tool, "
                    + "was '" + role + "'", where + ".role");
        }
    }

    private static Message message(Message.Role role, List<ContentPart> content) {
        return new Message(role, content, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static boolean stream(JsonNode body) throws ApiError {
        JsonNode stream = body.path("stream");
        if (stream.isMissingNode() || stream.isNull()) {
            return false;
        }
        if (!stream.isBoolean()) {
            throw ApiError.badRequest("stream must be true or false", "stream");
        }
        return stream.asBoolean();
    }

    private static String model(JsonNode body, String defaultModel) {
        return text(body, "model").orElse(defaultModel);
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
