package hermes.runtime.internal.scanner;

import static hermes.runtime.internal.scanner.Scope.ALL;
import static hermes.runtime.internal.scanner.Scope.CONTEXT;
import static hermes.runtime.internal.scanner.Scope.STRICT;
import static hermes.runtime.internal.scanner.ThreatCategory.EXFILTRATION;
import static hermes.runtime.internal.scanner.ThreatCategory.HARDCODED_SECRET;
import static hermes.runtime.internal.scanner.ThreatCategory.HIDDEN_HTML;
import static hermes.runtime.internal.scanner.ThreatCategory.PERSISTENCE;
import static hermes.runtime.internal.scanner.ThreatCategory.PROMPTWARE;
import static hermes.runtime.internal.scanner.ThreatCategory.PROMPT_INJECTION;
import static hermes.runtime.internal.scanner.ThreatCategory.ROLE_HIJACK;

import java.util.List;
import java.util.Set;

/**
 * The original's threat patterns ({@code tools/threat_patterns.py}), in its order, which is the order findings are
 * reported in. Patterns anchor on attack vocabulary, not on bossy English: "you must" alone is everyday AGENTS.md
 * wording, so it only counts next to a C2 verb.
 */
final class ThreatPatterns {

    /**
     * Up to eight filler words between key tokens, so "ignore all of the prior instructions" still matches. Bounded
     * because an unbounded {@code (?:\w+\s+)*} backtracks badly on long text.
     */
    private static final String FILLER = "(?:\\w+\\s+){0,8}";

    /**
     * An environment variable whose name ends in a secret-ish word. The word boundary lets names that merely contain
     * KEY or TOKEN ({@code $TRILLIUM_ETAPI_URL}) pass; API is left out because it sits in the middle of countless benign
     * names, and every real secret it caught ({@code $OPENAI_API_KEY}) ends in KEY or TOKEN anyway.
     */
    private static final String SECRET_VARIABLE = "\\$\\{?\\w*(?:KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL)S?\\b";

    /** The verbs of "modify an agent's configuration", then anything on the same line. */
    private static final String MODIFY = "(?:update|modify|edit|write|change|append|add\\s+to)\\s+[^\\n]{0,2048}";

    /**
     * Invisible and bidirectional control characters used to hide instructions: zero-width space, non-joiner, joiner,
     * word joiner, invisible times/separator/plus, BOM, the five bidi embeddings and overrides, the four isolates.
     */
    static final Set<Integer> INVISIBLE = Set.of(0x200B, 0x200C, 0x200D, 0x2060, 0x2062, 0x2063, 0x2064, 0xFEFF,
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);

    static final List<ThreatPattern> PATTERNS = List.of(
            // classic prompt injection, everywhere
            ThreatPattern.of("prompt_injection", PROMPT_INJECTION, ALL,
                    "ignore\\s+" + FILLER + "(?:previous|all|above|prior)\\s+" + FILLER + "instructions"),
            ThreatPattern.of("sys_prompt_override", PROMPT_INJECTION, ALL, "system\\s+prompt\\s+override"),
            ThreatPattern.of("disregard_rules", PROMPT_INJECTION, ALL,
                    "disregard\\s+" + FILLER + "(?:your|all|any)\\s+" + FILLER + "(?:instructions|rules|guidelines)"),
            ThreatPattern.of("bypass_restrictions", PROMPT_INJECTION, ALL,
                    "act\\s+as\\s+(?:if|though)\\s+" + FILLER + "you\\s+" + FILLER
                            + "(?:have\\s+no|don't\\s+have)\\s+" + FILLER + "(?:restrictions|limits|rules)"),
            ThreatPattern.of("html_comment_injection", HIDDEN_HTML, ALL,
                    "<!--[^>]{0,512}(?<![A-Za-z])(?:ignore|override|system|secret|hidden)(?![A-Za-z])[^>]{0,512}-->"),
            ThreatPattern.of("hidden_div", HIDDEN_HTML, ALL,
                    "<\\s*div\\s+style\\s*=\\s*[\"'][^>]{0,2048}display\\s*:\\s*none"),
            ThreatPattern.of("translate_execute", PROMPT_INJECTION, ALL,
                    "translate\\s+[^\\n]{0,512}\\s+into\\s+\\w+(?:[\\s-]+\\w+){0,2}\\s+and\\s+(?:execute|run|eval)\\b"),
            ThreatPattern.of("deception_hide", PROMPT_INJECTION, ALL,
                    "do\\s+not\\s+" + FILLER + "tell\\s+" + FILLER + "the\\s+user"),

            // role play and identity hijack: scraped pages and poisoned context files
            ThreatPattern.of("role_hijack", ROLE_HIJACK, CONTEXT, "you\\s+are\\s+" + FILLER + "now\\s+(?:a|an|the)\\s+"),
            ThreatPattern.of("role_pretend", ROLE_HIJACK, CONTEXT, "pretend\\s+" + FILLER + "(?:you\\s+are|to\\s+be)\\s+"),
            ThreatPattern.of("leak_system_prompt", ROLE_HIJACK, CONTEXT,
                    "output\\s+" + FILLER + "(?:system|initial)\\s+prompt"),
            ThreatPattern.of("remove_filters", ROLE_HIJACK, CONTEXT, "(?:respond|answer|reply)\\s+without\\s+" + FILLER
                    + "(?:restrictions|limitations|filters|safety)"),
            ThreatPattern.of("fake_update", ROLE_HIJACK, CONTEXT,
                    "you\\s+have\\s+been\\s+" + FILLER + "(?:updated|upgraded|patched)\\s+to"),
            // the verb pair, so "name your variables" stays clean
            ThreatPattern.of("identity_override", ROLE_HIJACK, CONTEXT, "\\bname\\s+yourself\\s+\\w+"),

            // C2-style promptware: warn-level, since "register as a node" also appears in distributed-systems docs
            ThreatPattern.of("c2_node_registration", PROMPTWARE, CONTEXT, "register\\s+(?:as\\s+)?a?\\s*node"),
            ThreatPattern.of("c2_heartbeat", PROMPTWARE, CONTEXT, "(?:heartbeat|beacon|check[\\s-]?in)\\s+(?:to|with)\\s+"),
            ThreatPattern.of("c2_task_pull", PROMPTWARE, CONTEXT, "pull\\s+(?:down\\s+)?(?:new\\s+)?task(?:ing|s)?\\b"),
            ThreatPattern.of("c2_network_connect", PROMPTWARE, CONTEXT, "connect\\s+to\\s+the\\s+network\\b"),
            ThreatPattern.of("forced_action", PROMPTWARE, CONTEXT,
                    "you\\s+must\\s+(?:\\w+\\s+){0,3}(?:register|connect|report|beacon)\\b"),
            ThreatPattern.of("anti_forensic_oneliner", PROMPTWARE, CONTEXT, "only\\s+use\\s+one[\\s-]?liners?\\b"),
            ThreatPattern.of("anti_forensic_disk", PROMPTWARE, CONTEXT,
                    "never\\s+" + FILLER + "(?:create|write)\\s+" + FILLER + "(?:script|file)\\s+" + FILLER + "disk"),
            ThreatPattern.of("env_var_unset_agent", PROMPTWARE, CONTEXT,
                    "unset\\s+\\w*(?:CLAUDE|CODEX|HERMES|AGENT|OPENAI|ANTHROPIC)\\w*"),
            // distinctive offensive-security brands only: a common word here would block whole AGENTS.md files
            ThreatPattern.of("known_c2_framework", PROMPTWARE, CONTEXT,
                    "\\b(?:cobalt\\s*strike|sliver|havoc|mythic|metasploit|brainworm)\\b"),
            ThreatPattern.of("c2_explicit", PROMPTWARE, CONTEXT, "\\bc2\\s+(?:server|channel|infrastructure|beacon)\\b"),
            ThreatPattern.of("c2_explicit_long", PROMPTWARE, CONTEXT, "\\bcommand\\s+and\\s+control\\b"),

            // exfiltration with shell tools, everywhere; the URL and conversation leaks only for user-mediated writes
            ThreatPattern.of("exfil_curl", EXFILTRATION, ALL, "curl\\s+[^\\n]{0,2048}" + SECRET_VARIABLE),
            ThreatPattern.of("exfil_wget", EXFILTRATION, ALL, "wget\\s+[^\\n]{0,2048}" + SECRET_VARIABLE),
            ThreatPattern.of("read_secrets", EXFILTRATION, ALL,
                    "cat\\s+[^\\n]{0,2048}(?:\\.env|credentials|\\.netrc|\\.pgpass|\\.npmrc|\\.pypirc)"),
            ThreatPattern.of("send_to_url", EXFILTRATION, STRICT,
                    "(?:send|post|upload|transmit)\\s+[^\\n]{0,2048}\\s+(?:to|at)\\s+https?://"),
            ThreatPattern.of("context_exfil", EXFILTRATION, STRICT, "(?:include|output|print|share)\\s+" + FILLER
                    + "(?:conversation|chat\\s+history|previous\\s+messages|full\\s+context|entire\\s+context)"),

            // persistence and secret paths
            ThreatPattern.of("ssh_backdoor", PERSISTENCE, STRICT, "authorized_keys"),
            ThreatPattern.of("ssh_access", PERSISTENCE, STRICT, "\\$HOME/\\.ssh|~/\\.ssh"),
            ThreatPattern.of("hermes_env", PERSISTENCE, STRICT, "\\$HOME/\\.hermes/\\.env|~/\\.hermes/\\.env"),
            ThreatPattern.of("agent_config_mod", PERSISTENCE, STRICT,
                    MODIFY + "(?:AGENTS\\.md|CLAUDE\\.md|\\.cursorrules|\\.clinerules)"),
            ThreatPattern.of("hermes_config_mod", PERSISTENCE, STRICT, MODIFY + "\\.hermes/(?:config\\.yaml|SOUL\\.md)"),

            ThreatPattern.of("hardcoded_secret", HARDCODED_SECRET, STRICT,
                    "(?:api[_-]?key|token|secret|password)\\s*[=:]\\s*[\"'][A-Za-z0-9+/=_-]{20,}"));

    private ThreatPatterns() {
    }
}
