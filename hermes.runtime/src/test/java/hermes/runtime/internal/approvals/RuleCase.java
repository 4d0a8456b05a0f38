package hermes.runtime.internal.approvals;

import java.util.List;

/**
 * A rule's test: a command it must catch and a near miss it must not.
 *
 * @param key      the rule's approval key (its description)
 * @param match    a command the rule catches
 * @param nearMiss a similar command no rule with this key catches
 */
record RuleCase(String key, String match, String nearMiss) {

    private static final CommandNormalizer NORMALIZER = new CommandNormalizer();

    boolean caughtBy(List<CommandPattern> rules, String command) {
        NormalizedCommand normalized = NORMALIZER.normalize(command);
        return rules.stream().filter(rule -> rule.key().equals(key)).anyMatch(rule -> rule.matches(normalized));
    }

    @Override
    public String toString() {
        return key + ": " + match.replace("\n", "⏎");
    }
}
