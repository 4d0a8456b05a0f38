package hermes.plugin.channel.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TelegramSettingsTest {

    @Test
    void withOnlyATokenTheRealTelegramIsLongPolledWithPlainText() {
        TelegramSettings settings = TelegramSettings.from(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", " 123:abc ")));

        assertThat(settings).isEqualTo(new TelegramSettings("123:abc", okhttp3.HttpUrl.get("https://api.telegram.org/"),
                Duration.ofSeconds(25), Optional.empty()));
    }

    @Test
    void aMissingTokenSaysWhichSettingToSet() {
        assertThatThrownBy(() -> TelegramSettings.from(new TestHost(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set TELEGRAM_BOT_TOKEN");
    }

    @Test
    void theConfigFileBaseUrlWinsOverTheEnvironment() {
        TelegramSettings settings = TelegramSettings.from(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", "t",
                "platforms.telegram.base_url", "http://127.0.0.1:9811", "TELEGRAM_BASE_URL", "http://elsewhere")));

        assertThat(settings.baseUrl().toString()).isEqualTo("http://127.0.0.1:9811/");
    }

    @Test
    void theEnvironmentBaseUrlAndOtherKeysAreRead() {
        TelegramSettings settings = TelegramSettings.from(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", "t",
                "TELEGRAM_BASE_URL", "http://127.0.0.1:9811/", "platforms.telegram.poll_timeout", "0",
                "platforms.telegram.parse_mode", "HTML")));

        assertThat(settings.baseUrl().toString()).isEqualTo("http://127.0.0.1:9811/");
        assertThat(settings.pollTimeout()).isZero();
        assertThat(settings.parseMode()).contains("HTML");
    }

    @Test
    void malformedValuesNameTheSetting() {
        assertThatThrownBy(() -> TelegramSettings.from(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", "t",
                "TELEGRAM_BASE_URL", "ftp://x"))))
                .hasMessage("platforms.telegram.base_url is not an http(s) URL: ftp://x");
        assertThatThrownBy(() -> TelegramSettings.from(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", "t",
                "platforms.telegram.poll_timeout", "90"))))
                .hasMessageContaining("platforms.telegram.poll_timeout must be a number of seconds from 0 to 50");
        assertThatThrownBy(() -> TelegramSettings.from(new TestHost(Map.of("TELEGRAM_BOT_TOKEN", "12 3"))))
                .hasMessageContaining("TELEGRAM_BOT_TOKEN is malformed");
    }
}
