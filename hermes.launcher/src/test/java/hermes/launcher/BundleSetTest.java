package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BundleSetTest {

    private final BundleSet set = BundleSet.parse(List.of(
            "# comment", "", "hermes.api", "hermes.plugin.gateway gateway", "  angus-mail   gateway  ",
            "hermes.plugin.cron"));

    @Test
    void readsTheStartOrderAndTheGatewayMarks() {
        assertThat(set.names()).containsExactly("hermes.api", "hermes.plugin.gateway", "angus-mail",
                "hermes.plugin.cron");
        assertThat(set.gatewayOnly()).containsExactlyInAnyOrder("hermes.plugin.gateway", "angus-mail");
        assertThat(set.rank(Path.of("bundle/hermes.plugin.cron.jar"))).isEqualTo(3);
        assertThat(set.rank(Path.of("bundle/unlisted.jar"))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void oneShotsLeaveTheGatewayBundlesOut() {
        Path gateway = Path.of("hermes.plugin.gateway.jar");
        assertThat(set.needed(gateway, List.of("-z", "hi"))).isFalse();
        assertThat(set.needed(gateway, List.of("--yolo", "-z", "hi"))).isFalse();
        assertThat(set.needed(gateway, List.of("chat", "-q", "hi"))).isFalse();
        assertThat(set.needed(gateway, List.of("sessions", "list"))).isFalse();
        assertThat(set.needed(Path.of("hermes.plugin.cron.jar"), List.of("-z", "hi"))).isTrue();
    }

    @Test
    void longRunningAndDiagnosticRunsGetEverything() {
        Path gateway = Path.of("hermes.plugin.gateway.jar");
        assertThat(set.needed(gateway, List.of())).isTrue();
        assertThat(set.needed(gateway, List.of("--yolo"))).isTrue();
        assertThat(set.needed(gateway, List.of("chat", "-m", "x"))).isTrue();
        assertThat(set.needed(gateway, List.of("gateway", "run"))).isTrue();
        assertThat(set.needed(gateway, List.of("pairing", "list"))).isTrue();
        assertThat(set.needed(gateway, List.of("doctor"))).isTrue();
        assertThat(set.needed(gateway, List.of("-c"))).isTrue();
    }
}
