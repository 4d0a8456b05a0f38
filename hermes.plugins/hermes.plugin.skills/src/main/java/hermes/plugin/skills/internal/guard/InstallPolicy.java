package hermes.plugin.skills.internal.guard;

/**
 * Whether a scanned skill may be installed (reference §5):
 *
 * <pre>
 *   trust level     safe    caution  dangerous
 *   builtin         allow   allow    allow
 *   trusted         allow   allow    block
 *   community       allow   block    block
 *   agent-created   allow   allow    ask
 * </pre>
 *
 * {@code --force} overrides a block or an ask, except a dangerous verdict from a trusted or community source: that is
 * never installed.
 */
public final class InstallPolicy {

    /** What to do with a skill. */
    public enum Decision {
        ALLOW,
        BLOCK,
        /** Only with the user's explicit consent; an agent write is refused and the agent told why. */
        ASK
    }

    private InstallPolicy() {
    }

    public static Decision decide(TrustLevel trust, Verdict verdict, boolean force) {
        Decision decision = table(trust, verdict);
        if (decision == Decision.ALLOW || !force) {
            return decision;
        }
        boolean outsider = trust == TrustLevel.TRUSTED || trust == TrustLevel.COMMUNITY;
        return outsider && verdict == Verdict.DANGEROUS ? Decision.BLOCK : Decision.ALLOW;
    }

    private static Decision table(TrustLevel trust, Verdict verdict) {
        return switch (trust) {
            case BUILTIN -> Decision.ALLOW;
            case TRUSTED -> verdict == Verdict.DANGEROUS ? Decision.BLOCK : Decision.ALLOW;
            case COMMUNITY -> verdict == Verdict.SAFE ? Decision.ALLOW : Decision.BLOCK;
            case AGENT_CREATED -> verdict == Verdict.DANGEROUS ? Decision.ASK : Decision.ALLOW;
        };
    }
}
