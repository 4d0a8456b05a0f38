package hermes.plugin.skills.internal.guard;

import static hermes.plugin.skills.internal.guard.InstallPolicy.Decision.ALLOW;
import static hermes.plugin.skills.internal.guard.InstallPolicy.Decision.ASK;
import static hermes.plugin.skills.internal.guard.InstallPolicy.Decision.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The install policy of reference §5, with and without --force, cell by cell. */
class InstallPolicyTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // trust, verdict, without --force, with --force
                Arguments.of(TrustLevel.BUILTIN, Verdict.SAFE, ALLOW, ALLOW),
                Arguments.of(TrustLevel.BUILTIN, Verdict.CAUTION, ALLOW, ALLOW),
                Arguments.of(TrustLevel.BUILTIN, Verdict.DANGEROUS, ALLOW, ALLOW),
                Arguments.of(TrustLevel.TRUSTED, Verdict.SAFE, ALLOW, ALLOW),
                Arguments.of(TrustLevel.TRUSTED, Verdict.CAUTION, ALLOW, ALLOW),
                Arguments.of(TrustLevel.TRUSTED, Verdict.DANGEROUS, BLOCK, BLOCK),
                Arguments.of(TrustLevel.COMMUNITY, Verdict.SAFE, ALLOW, ALLOW),
                Arguments.of(TrustLevel.COMMUNITY, Verdict.CAUTION, BLOCK, ALLOW),
                Arguments.of(TrustLevel.COMMUNITY, Verdict.DANGEROUS, BLOCK, BLOCK),
                Arguments.of(TrustLevel.AGENT_CREATED, Verdict.SAFE, ALLOW, ALLOW),
                Arguments.of(TrustLevel.AGENT_CREATED, Verdict.CAUTION, ALLOW, ALLOW),
                Arguments.of(TrustLevel.AGENT_CREATED, Verdict.DANGEROUS, ASK, ALLOW));
    }

    @ParameterizedTest(name = "{0} + {1}: {2}, with --force {3}")
    @MethodSource("table")
    void policyFollowsTheTableAndTheForceRule(TrustLevel trust, Verdict verdict, InstallPolicy.Decision plain,
                                              InstallPolicy.Decision forced) {
        assertThat(InstallPolicy.decide(trust, verdict, false)).isEqualTo(plain);
        assertThat(InstallPolicy.decide(trust, verdict, true)).isEqualTo(forced);
    }
}
