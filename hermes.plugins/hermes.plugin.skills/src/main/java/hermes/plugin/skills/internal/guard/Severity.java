package hermes.plugin.skills.internal.guard;

import java.util.Locale;

/** How bad a finding is. Critical makes a skill dangerous, high makes it caution; medium and low only inform. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** The lowercase name reports and JSON use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
