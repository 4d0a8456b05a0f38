package hermes.plugin.terminal.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PATH", "/usr/bin",
            "HOME", "/home/me",
            "OPENAI_API_KEY", "sk-1",
            "GITHUB_TOKEN", "ghp",
            "DB_PASSWORD", "hunter2",
            "MYSQL_PASSWD", "x",
            "aws_secret_access_key", "y",
            "GOOGLE_APPLICATION_CREDENTIALS", "/creds.json",
            "HTTP_AUTH_HEADER", "Basic z",
            "SSH_AUTH_SOCK", "/run/agent.sock");

    @Test
    void secretLookingNamesAreDroppedWhatEverTheirCase() {
        assertThat(ChildEnvironment.filter(ENVIRONMENT, List.of())).isEqualTo(Map.of(
                "PATH", "/usr/bin",
                "HOME", "/home/me",
                "SSH_AUTH_SOCK", "/run/agent.sock"));
    }

    @Test
    void passthroughKeepsTheListedSecretOnly() {
        assertThat(ChildEnvironment.filter(ENVIRONMENT, List.of("GITHUB_TOKEN", "NOT_SET_AT_ALL"))).isEqualTo(Map.of(
                "PATH", "/usr/bin",
                "HOME", "/home/me",
                "GITHUB_TOKEN", "ghp",
                "SSH_AUTH_SOCK", "/run/agent.sock"));
    }

    @Test
    void agentSocketAndXAuthorityAreNotSecrets() {
        assertThat(ChildEnvironment.isSecretName("SSH_AUTH_SOCK")).isFalse();
        assertThat(ChildEnvironment.isSecretName("XAUTHORITY")).isFalse();
        assertThat(ChildEnvironment.isSecretName("ANTHROPIC_API_KEY")).isTrue();
    }
}
