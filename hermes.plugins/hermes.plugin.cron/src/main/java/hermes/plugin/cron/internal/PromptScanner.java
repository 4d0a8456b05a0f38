package hermes.plugin.cron.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The strict checks the original applies to a cron prompt when a job is created or updated (reference §13): a job runs
 * unattended with the owner's tools, so a prompt that smuggles in instructions or sends secrets away is refused up
 * front. Patterns are case-insensitive; filler words between the key words still match.
 *
 * <p>This is a first line, not a guarantee: natural-language rewording gets past any regex (the original's issue
 * #8886); unattended runs also deny every approval.
 */
final class PromptScanner {

    /** A rule: its id (as the original names it) and what it matches. */
    record Rule(String id, Pattern pattern) {
        static Rule of(String id, String regex) {
            return new Rule(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        }
    }

    private static final String FILLER = "(?:\\S+\\s+){0,4}";
    private static final String SECRET_VARIABLE = "\\$\\{?\\w*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)\\w*";

    static final List<Rule> RULES = List.of(
            Rule.of("prompt_injection", "ignore\\s+" + FILLER + "(?:previous|all|above|prior)\\s+" + FILLER
                    + "instructions"),
            Rule.of("deception_hide", "do\\s+not\\s+" + FILLER + "tell\\s+" + FILLER + "the\\s+user"),
            Rule.of("sys_prompt_override", "system\\s+prompt\\s+override"),
            Rule.of("disregard_rules", "disregard\\s+" + FILLER + "(?:your|all|any)\\s+" + FILLER
                    + "(?:instructions|rules|guidelines)"),
            Rule.of("read_secrets", "\\bcat\\s+[^\\n]*(?:\\.env\\b|credentials|\\.netrc|\\.pgpass|\\.npmrc|id_rsa"
                    + "|id_ed25519)"),
            Rule.of("ssh_backdoor", "authorized_keys"),
            Rule.of("sudoers_mod", "/etc/sudoers|\\bvisudo\\b"),
            Rule.of("destructive_root_rm", "\\brm\\s+-[a-z]*r[a-z]*f?[a-z]*\\s+/(?:\\s|$|\\*)"),
            Rule.of("exfil_curl", "\\b(?:curl|wget)\\s+[^\\n]*https?://[^\\s\"']*" + SECRET_VARIABLE),
            Rule.of("exfil_post_data", "\\b(?:curl|wget)\\s+[^\\n]*(?:-d|--data\\S*|-F|--form|--post-data)"
                    + "[\\s=]+[\"']?[^\\n]*" + SECRET_VARIABLE),
            Rule.of("exfil_auth_header", "\\b(?:curl|wget)\\s+[^\\n]*(?:-H|--header)[\\s=]+[\"']?Authorization:"
                    + "[^\\n]*" + SECRET_VARIABLE));

    /** The original cron scanner's 10 invisible characters: zero-width ones, the BOM and the bidi overrides. */
    static final String INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e";

    private PromptScanner() {
    }

    /** Why {@code prompt} is refused, written for the user or the model; empty when it passes. */
    static Optional<String> refusal(String prompt) {
        for (int i = 0; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            if (INVISIBLE.indexOf(c) >= 0) {
                return Optional.of("Blocked: the prompt contains the invisible character U+%04X (invisible_unicode)."
                        .formatted((int) c) + " Remove it and write the prompt in plain text.");
            }
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(prompt).find()) {
                return Optional.of("Blocked: the prompt matches the threat pattern '" + rule.id() + "'. Scheduled"
                        + " jobs run unattended with your tools, so prompts that override instructions, hide things"
                        + " from the user, read credential files or send secrets elsewhere are refused. Rephrase the"
                        + " task without it.");
            }
        }
        return Optional.empty();
    }
}
