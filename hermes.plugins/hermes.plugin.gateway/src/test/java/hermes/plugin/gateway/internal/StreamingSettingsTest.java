package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.testing.FakeConfiguration;

/** Where replies stream, by the original's keys and defaults. */
class StreamingSettingsTest {

    @TempDir
    Path home;

    @Test
    void telegramStreamsByDefaultWithTheOriginalsPacing() {
        GatewaySettings settings = new GatewaySettings(new FakeConfiguration(home));

        assertThat(settings.streaming("telegram")).contains(new GatewaySettings.Streaming(Duration.ofMillis(800), 24));
        assertThat(settings.streaming("discord")).isEmpty();
    }

    @Test
    void streamingEnabledTurnsItOnWherePlatformsDoNotDecide() {
        FakeConfiguration config = new FakeConfiguration(home);
        config.set(GatewaySettings.STREAMING_ENABLED, true);
        config.set(GatewaySettings.STREAMING_EDIT_INTERVAL, "1.5");
        config.set(GatewaySettings.STREAMING_BUFFER_THRESHOLD, 40);

        assertThat(new GatewaySettings(config).streaming("discord"))
                .contains(new GatewaySettings.Streaming(Duration.ofMillis(1500), 40));
    }

    @Test
    void aPlatformsOwnSettingWinsOverStreamingEnabled() {
        FakeConfiguration config = new FakeConfiguration(home);
        config.set(GatewaySettings.STREAMING_ENABLED, true);
        config.set(GatewaySettings.PLATFORM_STREAMING.formatted("telegram"), false);
        config.set(GatewaySettings.PLATFORM_STREAMING.formatted("email"), "true");
        GatewaySettings settings = new GatewaySettings(config);

        assertThat(settings.streaming("telegram")).isEmpty();
        assertThat(settings.streaming("email")).isPresent();
        config.set(GatewaySettings.STREAMING_ENABLED, false);
        assertThat(settings.streaming("email")).as("read at each use").isPresent();
        assertThat(settings.streaming("discord")).isEmpty();
    }
}
