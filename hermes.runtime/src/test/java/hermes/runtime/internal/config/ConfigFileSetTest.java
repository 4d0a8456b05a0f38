package hermes.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileSetTest {

    @TempDir
    Path root;
    HermesHome home;
    ConfigFile config;

    @BeforeEach
    void createHome() throws IOException {
        home = new HermesHome(root);
        home.ensureLayout();
        config = new ConfigFile(home);
        Files.writeString(home.config(), """
                agent:
                  max_turns: 90
                  reasoning_effort: medium
                model:
                  provider: auto
                """);
    }

    @Test
    void setWritesAnIntegerAndKeepsOtherKeys() throws IOException {
        Path written = config.set("agent.max_turns", "50");

        assertThat(written).isEqualTo(home.config());
        assertThat(Files.readString(home.config())).isEqualTo("""
                agent:
                  max_turns: 50
                  reasoning_effort: medium
                model:
                  provider: auto
                """);
        assertThat(new ConfigFile(home).snapshot()).isEqualTo(Map.of(
                "agent", Map.of("max_turns", 50, "reasoning_effort", "medium"),
                "model", Map.of("provider", "auto")));
        assertThat(config.get("agent.max_turns")).isEqualTo(Optional.of(50));
    }

    @Test
    void setOfAFlowListGivesAListThatStringsReturns() throws IOException {
        config.set("plugins.disabled", "[a, b]");

        assertThat(config.strings("plugins.disabled")).isEqualTo(List.of("a", "b"));
        assertThat(new ConfigFile(home).get("plugins.disabled")).isEqualTo(Optional.of(List.of("a", "b")));
        assertThat(config.get("agent.max_turns")).isEqualTo(Optional.of(90));
    }

    @Test
    void setThroughANonMappingReplacesItWithAMapping() throws IOException {
        config.set("model.provider.name", "openai");

        assertThat(new ConfigFile(home).get("model"))
                .isEqualTo(Optional.of(Map.of("provider", Map.of("name", "openai"))));
    }

    @Test
    void setOfAnApiKeyGoesToEnvAndReplacesItsLineWhenSetAgain() throws IOException {
        byte[] configBefore = Files.readAllBytes(home.config());
        String envBefore = Files.readString(home.env());

        assertThat(config.set("OPENAI_API_KEY", "sk-x")).isEqualTo(home.env());
        assertThat(Files.readString(home.env())).isEqualTo(envBefore + "OPENAI_API_KEY=sk-x\n");

        assertThat(config.set("OPENAI_API_KEY", "sk-y")).isEqualTo(home.env());
        assertThat(Files.readString(home.env())).isEqualTo(envBefore + "OPENAI_API_KEY=sk-y\n");
        assertThat(Files.readAllBytes(home.config())).isEqualTo(configBefore);
        assertThat(config.get("OPENAI_API_KEY")).isEqualTo(Optional.empty());
    }

    @Test
    void setOfAnEnvKeyReplacesAnExportedLineAndKeepsTheOthers() throws IOException {
        Files.writeString(home.env(), "# mine\nexport TELEGRAM_BOT_TOKEN=old\nANTHROPIC_API_KEY=sk-a\n");

        config.set("TELEGRAM_BOT_TOKEN", "new");

        assertThat(Files.readString(home.env())).isEqualTo("# mine\nTELEGRAM_BOT_TOKEN=new\nANTHROPIC_API_KEY=sk-a\n");
    }

    @Test
    void setOfAMalformedKeyIsRefusedAndWritesNothing() throws IOException {
        byte[] before = Files.readAllBytes(home.config());

        for (String key : List.of("", ".agent", "agent.", "agent..max_turns")) {
            assertThatThrownBy(() -> config.set(key, "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + key + "' is not a config key: use dotted names like agent.max_turns");
        }
        assertThat(Files.readAllBytes(home.config())).isEqualTo(before);
    }

    @Test
    void successiveSetsKeepEveryValueWhenTheModificationTimeDoesNotMove() throws IOException {
        // file systems with coarse timestamps (a second, or a kernel tick) give quick successive writes one time
        FileTime coarse = Files.getLastModifiedTime(home.config());

        config.set("agent.max_turns", "50");
        Files.setLastModifiedTime(home.config(), coarse);
        config.set("agent.reasoning_effort", "high");
        Files.setLastModifiedTime(home.config(), coarse);

        Map<String, Object> expected = Map.of(
                "agent", Map.of("max_turns", 50, "reasoning_effort", "high"),
                "model", Map.of("provider", "auto"));
        assertThat(config.snapshot()).isEqualTo(expected);
        assertThat(new ConfigFile(home).snapshot()).isEqualTo(expected);
    }
}
