package hermes.plugin.skills.internal.guard;

import java.util.Collection;
import java.util.Locale;

/** The guard's overall judgement of a skill. */
public enum Verdict {
    SAFE, CAUTION, DANGEROUS;

    /** Any critical finding makes a skill dangerous, else any high one caution; medium and low only inform. */
    public static Verdict of(Collection<Finding> findings) {
        if (findings.stream().anyMatch(finding -> finding.severity() == Severity.CRITICAL)) {
            return DANGEROUS;
        }
        if (findings.stream().anyMatch(finding -> finding.severity() == Severity.HIGH)) {
            return CAUTION;
        }
        return SAFE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
