package hermes.runtime.internal.approvals;

import java.util.List;
import java.util.Objects;

/**
 * Decides whether a shell command is hardline (never runs), dangerous (runs after approval) or safe, as the original's
 * {@code detect_hardline_command} and {@code detect_dangerous_command} do: the command is normalised
 * ({@link CommandNormalizer}; twice when it holds terminal escapes), the hardline rules are checked first and always
 * win, then the dangerous rules; the first matching rule names the verdict.
 *
 * <p>Pure and stateless: the rules are compiled once when the class loads, so one instance can be shared by every
 * thread. Approval state (session approvals, the permanent allowlist, YOLO, container backends that skip the dangerous
 * check) belongs to the caller; this class only classifies.
 */
public final class CommandClassifier {

    /**
     * The original's ceiling on what it inspects. A longer command is refused, not run half-read; nothing an agent
     * should send to a shell in one call is this long (a file that big belongs to the file tools).
     */
    static final int MAX_COMMAND_CHARS = 128_000;
    static final String PARSER_LIMIT = "command parser limit exceeded";

    private final CommandNormalizer normalizer = new CommandNormalizer();

    /**
     * @param command the command exactly as the model wrote it
     * @return the verdict; {@link CommandVerdict#safe()} when no rule matches, including for a blank command; hardline
     *         {@value #PARSER_LIMIT} when the command is longer than {@value #MAX_COMMAND_CHARS} characters
     */
    public CommandVerdict classify(String command) {
        Objects.requireNonNull(command, "command");
        if (command.length() > MAX_COMMAND_CHARS) {
            return CommandVerdict.hardline(PARSER_LIMIT);
        }
        List<NormalizedCommand> readings = normalizer.readings(command);
        for (CommandPattern rule : HardlinePatterns.ALL) {
            if (readings.stream().anyMatch(rule::matches)) {
                return CommandVerdict.hardline(rule.key());
            }
        }
        for (CommandPattern rule : DangerousPatterns.ALL) {
            if (readings.stream().anyMatch(rule::matches)) {
                return CommandVerdict.dangerous(rule.key());
            }
        }
        return CommandVerdict.safe();
    }
}
