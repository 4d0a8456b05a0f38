package hermes.plugin.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hermes.plugin.channel.email.internal.EmailSettings.Security;

class EmailSettingsTest {

    private static final Map<String, String> MINIMAL = Map.of(EmailSettings.ADDRESS, "bot@example.test",
            EmailSettings.PASSWORD, "pw", EmailSettings.IMAP_HOST, "imap.example.test",
            EmailSettings.SMTP_HOST, "smtp.example.test");

    @Test
    void defaultsAreTheOriginals() {
        EmailSettings settings = EmailSettings.from(new RecordingHost(MINIMAL));

        assertThat(settings).isEqualTo(new EmailSettings("bot@example.test", "pw", "imap.example.test", 993,
                Security.SSL, "smtp.example.test", 587, Security.STARTTLS, Duration.ofSeconds(15), false));
        assertThat(settings.domain()).isEqualTo("example.test");
    }

    @Test
    void configYamlWinsOverTheEnvironmentAndPortsFollowTheSecurity() {
        RecordingHost host = new RecordingHost(MINIMAL).with("platforms.email.extra.imap_host", "mail.example.test")
                .with(EmailSettings.SMTP_SECURITY, "SSL").with(EmailSettings.POLL_INTERVAL, "60")
                .with("platforms.email.extra.skip_attachments", "true");

        EmailSettings settings = EmailSettings.from(host);

        assertThat(settings.imapHost()).isEqualTo("mail.example.test");
        assertThat(settings.smtpPort()).isEqualTo(465);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.skipAttachments()).isTrue();
    }

    @Test
    void aMissingOrMalformedSettingIsNamedWithTheFix() {
        assertThatThrownBy(() -> EmailSettings.from(new RecordingHost(Map.of(EmailSettings.ADDRESS, "bot@x"))))
                .hasMessageContaining("EMAIL_PASSWORD is not set").hasMessageContaining(".env");
        assertThatThrownBy(() -> EmailSettings.from(new RecordingHost(MINIMAL).with(EmailSettings.IMAP_PORT, "x")))
                .hasMessageContaining("EMAIL_IMAP_PORT is 'x'");
        assertThatThrownBy(() -> EmailSettings.from(new RecordingHost(MINIMAL).with(EmailSettings.IMAP_SECURITY,
                "tls"))).hasMessageContaining("use ssl, starttls or none");
    }
}
