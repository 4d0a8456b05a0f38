package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySupervisionTest {

    @TempDir
    Path home;
    Harness harness;

    @BeforeEach
    void setUp() {
        harness = new Harness(home).allow("42");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void oneFailingChannelNeverStallsAnother() throws Exception {
        FakeChannel telegram = harness.channel("telegram");
        telegram.failingStarts.set(Integer.MAX_VALUE);
        FakeChannel api = harness.channel("api_server");
        harness.start();

        harness.live(api).dm("42", "hi");

        Eventually.until("the api server answered", () -> api.texts().contains("echo: hi"));
        Eventually.until("telegram was retried", () -> telegram.starts.get() >= 3);
        assertThat(state("telegram")).isInstanceOfAny(ChannelState.BackingOff.class, ChannelState.Starting.class);
        assertThat(harness.lines).anyMatch(line -> line.startsWith("telegram: backing off: retry in"))
                .anyMatch(line -> line.startsWith("api_server: running"));
    }

    @Test
    void aChannelInstalledWhileRunningStartsAndOneRemovedStopsAndIsForgotten() throws Exception {
        harness.start();
        FakeChannel telegram = harness.channel("telegram");

        harness.live(telegram).dm("42", "hello");
        Eventually.until("telegram answered", () -> telegram.texts().contains("echo: hello"));

        harness.gateway.removeChannel(telegram);
        Eventually.until("telegram was stopped", () -> telegram.stops.get() == 1);
        assertThat(harness.gateway.statuses()).isEmpty();
        assertThat(harness.gateway.runningElsewhere()).isEmpty();
    }

    @Test
    void aDisabledChannelWaitsUntilItIsEnabledAndResumed() throws Exception {
        FakeChannel email = new FakeChannel("email");
        harness.gateway.addChannel(email);
        harness.start();

        assertThat(state("email")).isInstanceOf(ChannelState.Disabled.class);
        assertThat(new PlatformCommandProbe(harness).run("resume email")).contains("email is disabled");
        assertThat(email.starts).hasValue(0);

        harness.config.secret("EMAIL_ENABLED", "true");
        assertThat(new PlatformCommandProbe(harness).run("resume email")).isEqualTo("started email");
        harness.live(email);
    }

    @Test
    void falseInConfigWinsOverTheEnvironment() {
        harness.config.secret("API_SERVER_ENABLED", "true");
        GatewaySettings settings = new GatewaySettings(harness.config);
        assertThat(settings.enabled("api_server")).isTrue();

        harness.config.set("platforms.api_server.enabled", false);
        assertThat(settings.enabled("api_server")).isFalse();
    }

    @Test
    void platformCommandListsPausesAndResumesChannels() throws Exception {
        FakeChannel telegram = harness.channel("telegram");
        harness.channel("api_server");
        harness.start();
        harness.live(telegram);
        PlatformCommandProbe platform = new PlatformCommandProbe(harness);

        assertThat(platform.run("list")).containsPattern("(?m)^api_server  running for \\d+ s$")
                .containsPattern("(?m)^telegram    running for \\d+ s$");
        assertThat(platform.run("pause telegram")).isEqualTo("paused telegram");
        Eventually.until("telegram is paused", () -> state("telegram") instanceof ChannelState.Paused);
        assertThat(telegram.stops).hasValue(1);
        assertThat(platform.run("list")).contains("telegram    paused (/platform resume to start it again)");

        assertThat(platform.run("resume telegram")).isEqualTo("resumed telegram");
        Eventually.until("telegram runs again", () -> telegram.starts.get() == 2
                && state("telegram") instanceof ChannelState.Running);
        assertThatThrownBy(() -> platform.run("pause discord")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no channel for 'discord' is installed; installed: api_server, telegram");
    }

    @Test
    void hostSettingsReadConfigKeysAndSecrets() throws Exception {
        FakeChannel telegram = harness.channel("telegram");
        harness.config.set("platforms.telegram.base_url", "http://127.0.0.1:9000").secret("TELEGRAM_BOT_TOKEN", "t0k");
        harness.start();

        harness.live(telegram);
        assertThat(telegram.host().setting("platforms.telegram.base_url")).contains("http://127.0.0.1:9000");
        assertThat(telegram.host().setting("TELEGRAM_BOT_TOKEN")).contains("t0k");
        assertThat(telegram.host().setting("platforms.telegram.missing")).isEmpty();
    }

    @Test
    void aSecondGatewayOnTheSameHomeIsRefused() throws Exception {
        harness.start();
        try (Harness second = new Harness(home)) {
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the gateway already runs (pid 4242)");
        }
        assertThatThrownBy(harness::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("the gateway already runs in this process");
    }

    private ChannelState state(String platform) {
        return harness.gateway.statuses().stream().filter(status -> status.platform().equals(platform)).findFirst()
                .orElseThrow().state();
    }

    /** Runs {@code /platform} as a user would. */
    private record PlatformCommandProbe(Harness harness) {
        String run(String arguments) {
            RecordingContext context = new RecordingContext();
            new PlatformCommand(harness.gateway).run(arguments, context);
            return context.text();
        }
    }
}
