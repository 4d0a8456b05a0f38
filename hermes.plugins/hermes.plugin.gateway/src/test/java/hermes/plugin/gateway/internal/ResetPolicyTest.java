package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResetPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0}: last {1}, now {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        // mode, last activity (local Berlin), now (local Berlin), expiry
        "BOTH, 2025-03-10T10:00, 2025-03-10T23:00, -",
        "BOTH, 2025-03-10T23:00, 2025-03-11T03:59, -",
        "BOTH, 2025-03-10T23:00, 2025-03-11T04:00, DAILY",
        "BOTH, 2025-03-11T04:00, 2025-03-11T09:00, -",
        "BOTH, 2025-03-10T05:00, 2025-03-11T05:00, IDLE",
        "DAILY, 2025-03-10T05:00, 2025-03-12T03:00, DAILY",
        "IDLE, 2025-03-10T23:00, 2025-03-11T09:00, -",
        "IDLE, 2025-03-10T09:00, 2025-03-11T09:00, IDLE",
        "NONE, 2025-01-01T09:00, 2025-03-11T09:00, -",
    })
    void conversationsExpireByTheConfiguredRules(ResetPolicy.Mode mode, String last, String now,
                                                 ResetPolicy.Reason expected) {
        ResetPolicy policy = new ResetPolicy(mode, 4, 1440, true);

        assertThat(policy.expiry(local(last), local(now), BERLIN)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IDLE  | ◐ Started a new conversation: the previous one was idle for 24 h or more (session_reset.idle_minutes). The previous one stays in the session history.",
        "DAILY | ◐ Started a new conversation: the daily reset at 04:00 has passed (session_reset.at_hour). The previous one stays in the session history.",
    })
    void theNoticeSaysWhyAndWhichSettingDecides(ResetPolicy.Reason reason, String notice) {
        assertThat(ResetPolicy.DEFAULT.notice(reason)).isEqualTo(notice);
    }

    private static Instant local(String text) {
        return java.time.LocalDateTime.parse(text).atZone(BERLIN).toInstant();
    }
}
