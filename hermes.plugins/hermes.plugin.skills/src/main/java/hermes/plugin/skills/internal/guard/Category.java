package hermes.plugin.skills.internal.guard;

import java.util.Locale;

/** What kind of threat a finding points at; {@link #STRUCTURAL} is for the shape of the skill directory. */
public enum Category {
    EXFILTRATION, INJECTION, OBFUSCATION, PERSISTENCE, SUPPLY_CHAIN, NETWORK, DESTRUCTIVE, EXECUTION,
    CREDENTIAL_EXPOSURE, TRAVERSAL, PRIVILEGE_ESCALATION, MINING, STRUCTURAL;

    /** The lowercase name reports and JSON use ({@code supply_chain}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
