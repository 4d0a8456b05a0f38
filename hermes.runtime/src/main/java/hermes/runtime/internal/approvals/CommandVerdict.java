package hermes.runtime.internal.approvals;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.runtime.internal.json.PythonJson;

/**
 * What {@link CommandClassifier} decided about one shell command.
 *
 * @param verdict     hardline (never runs), dangerous (needs approval unless its key is approved) or safe
 * @param pattern     the pattern key: the key a session approval and the permanent {@code command_allowlist} store. As
 *                    in the original, the key is the pattern's description; empty for {@link Verdict#SAFE}
 * @param description the human-readable reason shown in the approval prompt; empty for {@link Verdict#SAFE}
 */
public record CommandVerdict(Verdict verdict, Optional<String> pattern, Optional<String> description) {

    /** The three outcomes, in the order they are checked: a hardline match always wins. */
    public enum Verdict {
        HARDLINE, DANGEROUS, SAFE;

        /** The lower-case name the original's JSON uses. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final CommandVerdict SAFE = new CommandVerdict(Verdict.SAFE, Optional.empty(), Optional.empty());

    public CommandVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(description, "description");
        if ((verdict == Verdict.SAFE) != pattern.isEmpty()) {
            throw new IllegalArgumentException("a " + verdict.jsonName()
                    + " verdict " + (pattern.isEmpty() ? "needs" : "takes no") + " pattern key");
        }
    }

    /** A refusal; as in the original, the key is the description. */
    static CommandVerdict hardline(String description) {
        return new CommandVerdict(Verdict.HARDLINE, Optional.of(description), Optional.of(description));
    }

    /** An approval request under the key {@code description}. */
    static CommandVerdict dangerous(String description) {
        return new CommandVerdict(Verdict.DANGEROUS, Optional.of(description), Optional.of(description));
    }

    public static CommandVerdict safe() {
        return SAFE;
    }

    /**
     * {@code {"verdict": "hardline"|"dangerous"|"safe", "pattern": <key or null>, "description": <text or null>}},
     * spaced like Python's {@code json.dumps} so logs and tool results read the same as the original's.
     */
    public String toJson() {
        ObjectNode node = PythonJson.object();
        node.put("verdict", verdict.jsonName());
        node.put("pattern", pattern.orElse(null));
        node.put("description", description.orElse(null));
        return PythonJson.write(node);
    }
}
