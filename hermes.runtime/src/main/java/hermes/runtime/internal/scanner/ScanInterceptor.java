package hermes.runtime.internal.scanner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import hermes.api.ToolCall;
import hermes.api.ToolInterceptor;
import hermes.api.ToolResult;

/**
 * The scanning layer of the safety chain (reference §4): text that a tool would write where it later reaches a system
 * prompt — a memory entry, a skill — is scanned with the strict scope first, and a call whose text shows a threat
 * pattern is refused before the tool sees it. Registered with {@code hermes.safety=scanning}, so it runs in the safety
 * chain, before plugin interceptors.
 */
@Component(service = ToolInterceptor.class, property = "hermes.safety=scanning")
public final class ScanInterceptor implements ToolInterceptor {

    /** The tools whose arguments become prompt text, and which arguments. */
    private static final Map<String, List<String>> SCANNED = Map.of(
            "memory", List.of("content"),
            "skill_manage", List.of("content", "file_content", "new_string"));

    @Override
    public ToolResult intercept(Chain chain) throws InterruptedException {
        List<String> fields = SCANNED.get(chain.spec().name());
        if (fields == null) {
            return chain.proceed(chain.call());
        }
        Optional<String> refusal = refusal(chain.call(), fields);
        return refusal.isPresent() ? ToolResult.error(refusal.get()) : chain.proceed(chain.call());
    }

    private Optional<String> refusal(ToolCall call, List<String> fields) {
        Map<String, Object> arguments;
        try {
            arguments = call.parsedArguments();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // the tool reports malformed arguments itself
        }
        for (String field : fields) {
            if (arguments.get(field) instanceof String text) {
                ScanResult result = ThreatScanner.scan(text, Scope.STRICT);
                if (result.blocked()) {
                    String ids = String.join(", ", result.ids());
                    return Optional.of("refused: the " + field + " of this " + call.name() + " call matches threat"
                            + " pattern(s) " + ids + ". Text saved here is read back into future system prompts, so it"
                            + " must not contain instructions, hidden characters or role changes; rewrite it as a plain"
                            + " fact.");
                }
            }
        }
        return Optional.empty();
    }
}
