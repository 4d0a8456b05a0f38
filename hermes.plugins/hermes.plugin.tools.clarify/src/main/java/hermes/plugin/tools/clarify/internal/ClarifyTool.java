package hermes.plugin.tools.clarify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code clarify}: asks the user a question through {@link ToolContext#ask} and waits for the answer. When nobody can
 * answer (no interactive front end, a subagent, the time ran out) the model is told to go on with its own judgement
 * rather than to ask again.
 */
@Component(service = Tool.class)
public final class ClarifyTool implements Tool {

    static final int MAX_CHOICES = 4;

    static final String NO_ANSWER = "Nobody can answer right now (no interactive user is present, or the question "
            + "timed out). Do not ask again: proceed with your best judgement and state the assumptions you made in "
            + "your reply.";

    private static final ToolSpec SPEC = ToolSpec.of("clarify", "clarify", """
            Ask the user a question and wait for the answer. Use it only when the request is ambiguous in a way that \
            changes what you would do, or before a choice the user should make; otherwise decide yourself. Offer up to \
            4 short choices when the likely answers are known; the user can always answer something else. If nobody \
            can answer, the result says so: then proceed with your best judgement and state your assumptions.""", """
            {"type":"object","properties":{\
            "question":{"type":"string","description":"the question, self-contained and specific"},\
            "choices":{"type":"array","items":{"type":"string"},"maxItems":4,\
            "description":"up to 4 suggested answers; leave out for an open question"}},\
            "required":["question"]}""");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    /** Asking changes nothing outside the conversation. */
    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
        Map<String, Object> arguments;
        try {
            arguments = call.parsedArguments();
        } catch (IllegalArgumentException e) {
            return ToolResult.error(e.getMessage());
        }
        Optional<String> question = Optional.ofNullable(arguments.get("question"))
                .map(value -> String.valueOf(value).strip()).filter(text -> !text.isEmpty());
        if (question.isEmpty()) {
            return ToolResult.error("clarify needs a 'question': the text to ask the user");
        }
        Object choices = arguments.getOrDefault("choices", List.of());
        if (!(choices instanceof List<?> offered)) {
            return ToolResult.error("choices must be an array of up to " + MAX_CHOICES + " strings");
        }
        if (offered.size() > MAX_CHOICES) {
            return ToolResult.error("choices has " + offered.size() + " entries; offer at most " + MAX_CHOICES
                    + " (the user can always answer something else)");
        }
        Optional<String> answer = context.ask(question.get(), texts(offered)).filter(text -> !text.isBlank());
        return answer.map(text -> ToolResult.ok(ClarifyJson.answer(question.get(), text)))
                .orElseGet(() -> ToolResult.error(NO_ANSWER));
    }

    /** The non-blank choices as text; a model may send numbers. */
    private static List<String> texts(List<?> offered) {
        List<String> texts = new ArrayList<>();
        for (Object choice : offered) {
            String text = String.valueOf(choice).strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }
}
