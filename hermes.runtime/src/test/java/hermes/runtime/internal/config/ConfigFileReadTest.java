package hermes.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReadTest {

    private static final String UNSET = "HERMES_TEST_VARIABLE_THAT_IS_NEVER_SET";

    @TempDir
    Path root;
    HermesHome home;
    ConfigFile config;

    @BeforeEach
    void createHome() throws IOException {
        home = new HermesHome(root);
        home.ensureLayout();
        config = new ConfigFile(home);
    }

    @Test
    void getReadsNestedKeysOfTheDefaultConfig() throws IOException {
        assertThat(config.get("agent.max_turns")).isEqualTo(Optional.of(90));
        assertThat(config.get("agent.reasoning_effort")).isEqualTo(Optional.of("medium"));
        assertThat(config.get("memory.memory_enabled")).isEqualTo(Optional.of(true));
        assertThat(config.get("agent")).isEqualTo(Optional.of(Map.of("max_turns", 90, "reasoning_effort", "medium")));
        assertThat(config.strings("toolsets")).isEqualTo(List.of("hermes-cli"));
        assertThat(config.strings("plugins.disabled")).isEqualTo(List.of());
    }

    @Test
    void getOfAMissingKeyIsEmpty() throws IOException {
        assertThat(config.get("agent.no_such_key")).isEqualTo(Optional.empty());
        assertThat(config.get("agent.max_turns.deeper")).isEqualTo(Optional.empty());
        assertThat(config.get("nowhere.at.all")).isEqualTo(Optional.empty());
        assertThat(config.strings("nowhere")).isEqualTo(List.of());
    }

    @Test
    void missingFileReadsAsEmpty() throws IOException {
        Files.delete(home.config());

        assertThat(config.snapshot()).isEqualTo(Map.of());
        assertThat(config.get("agent.max_turns")).isEqualTo(Optional.empty());
    }

    @Test
    void setVariablesAreSubstitutedAndUnsetOnesStayVerbatim() throws IOException {
        String homeDir = System.getenv("HOME");
        assertThat(homeDir).as("HOME must be set for this test").isNotNull();
        assertThat(System.getenv(UNSET)).isNull();
        Files.writeString(home.config(), """
                terminal:
                  cwd: "${HOME}/work"
                  shell: "${%s}"
                  both: "${HOME}:${%s}"
                """.formatted(UNSET, UNSET));

        assertThat(config.get("terminal.cwd")).isEqualTo(Optional.of(homeDir + "/work"));
        assertThat(config.get("terminal.shell")).isEqualTo(Optional.of("${" + UNSET + "}"));
        assertThat(config.get("terminal.both")).isEqualTo(Optional.of(homeDir + ":${" + UNSET + "}"));
        assertThat(config.render()).contains("${HOME}/work");
    }

    @Test
    void invalidYamlNamesTheFileAndTheLine() throws IOException {
        Files.writeString(home.config(), """
                agent:
                  max_turns: 90
                 reasoning_effort: medium
                """);

        assertThatThrownBy(() -> config.get("agent.max_turns"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(home.config() + " is not valid YAML (")
                .hasMessageEndingWith(" at line 3); fix that line");
    }

    @Test
    void topLevelListIsRefusedWithWhatToDo() throws IOException {
        Files.writeString(home.config(), "- a\n- b\n");

        assertThatThrownBy(() -> config.snapshot())
                .isInstanceOf(IOException.class)
                .hasMessage(home.config() + " must hold a mapping of keys at the top level; fix or delete it"
                        + " (a fresh one is written on the next start)");
    }

    @Test
    void snapshotRereadsTheFileAfterItChangesOnDisk() throws IOException {
        Files.writeString(home.config(), "agent:\n  max_turns: 90\n");
        assertThat(config.snapshot()).isEqualTo(Map.of("agent", Map.of("max_turns", 90)));
        FileTime before = Files.getLastModifiedTime(home.config());

        Files.writeString(home.config(), "agent:\n  max_turns: 12\nmodel:\n  provider: openrouter\n");
        Files.setLastModifiedTime(home.config(), FileTime.fromMillis(before.toMillis() + 10_000));

        assertThat(config.snapshot())
                .isEqualTo(Map.of("agent", Map.of("max_turns", 12), "model", Map.of("provider", "openrouter")));
        assertThat(config.get("agent.max_turns")).isEqualTo(Optional.of(12));
    }

    @Test
    void snapshotSeesAReplacedFileEvenWhenItsModificationTimeIsUnchanged() throws IOException {
        Files.writeString(home.config(), "agent:\n  max_turns: 90\n");
        FileTime coarse = Files.getLastModifiedTime(home.config());
        assertThat(config.snapshot()).isEqualTo(Map.of("agent", Map.of("max_turns", 90)));

        AtomicFiles.write(home.config(), "agent:\n  max_turns: 12\n".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(home.config(), coarse);

        assertThat(config.snapshot()).isEqualTo(Map.of("agent", Map.of("max_turns", 12)));
    }
}
