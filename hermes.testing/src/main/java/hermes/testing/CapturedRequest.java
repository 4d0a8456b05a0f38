package hermes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request the {@link FakeModelServer} received, as the client sent it.
 *
 * @param method the HTTP method, for example {@code POST}
 * @param path the request path without the query, for example {@code /v1/chat/completions}
 * @param headers header names in lower case; a header sent more than once has its values joined with {@code ", "}
 * @param body the request body as UTF-8 text ({@code ""} when there was none)
 */
public record CapturedRequest(String method, String path, Map<String, String> headers, String body) {

    /** The wire format a request speaks, decided by its path. */
    public enum Format {
        /** OpenAI Chat Completions ({@code …/chat/completions}) and everything that is not Anthropic. */
        OPENAI,
        /** Anthropic Messages ({@code …/messages}). */
        ANTHROPIC
    }

    public CapturedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.merge(name.toLowerCase(Locale.ROOT), value,
                (first, second) -> first + ", " + second));
        headers = Map.copyOf(lowerCase);
    }

    /** The value of a header, looked up by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The body parsed as JSON; a {@link MissingNode} when the body is empty.
     *
     * @throws IllegalArgumentException when the body is not valid JSON
     */
    public JsonNode json() {
        return body.isEmpty() ? MissingNode.getInstance() : Json.parse(body);
    }

    /** {@link Format#ANTHROPIC} for a path ending in {@code /messages}, otherwise {@link Format#OPENAI}. */
    public Format format() {
        return path.endsWith("/messages") ? Format.ANTHROPIC : Format.OPENAI;
    }

    /** The {@code model} the request asks for, or {@code ""}. */
    public String model() {
        return json().path("model").asText("");
    }

    /** Whether the request asks for a streamed response ({@code "stream": true}). */
    public boolean isStream() {
        return json().path("stream").asBoolean(false);
    }

    /**
     * The {@code messages} array (a {@link MissingNode} when absent). An Anthropic request keeps its system prompt in
     * the top-level {@code system} field instead, reachable through {@link #json()}.
     */
    public JsonNode messages() {
        return json().path("messages");
    }

    /** The names of the tools the request offers, in order: {@code tools[].function.name} or {@code tools[].name}. */
    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : json().path("tools")) {
            JsonNode name = format() == Format.ANTHROPIC ? tool.path("name") : tool.path("function").path("name");
            names.add(name.asText(""));
        }
        return List.copyOf(names);
    }

    /**
     * The text of the last {@code user} message: its string content, or its text parts joined with newlines; {@code ""}
     * when there is none. Tool results sent as user messages (Anthropic) contribute no text.
     */
    public String lastUserText() {
        JsonNode lastUser = MissingNode.getInstance();
        for (JsonNode message : messages()) {
            if ("user".equals(message.path("role").asText())) {
                lastUser = message;
            }
        }
        JsonNode content = lastUser.path("content");
        if (content.isTextual()) {
            return content.asText();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                texts.add(part.path("text").asText());
            }
        }
        return String.join("\n", texts);
    }
}
