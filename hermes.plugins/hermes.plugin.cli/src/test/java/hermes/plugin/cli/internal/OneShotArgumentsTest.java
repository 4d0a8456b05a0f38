package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import hermes.plugin.cli.internal.OneShotArguments.Interactive;
import hermes.plugin.cli.internal.OneShotArguments.Run;
import hermes.plugin.cli.internal.OneShotArguments.UsageError;

class OneShotArgumentsTest {

    @Test
    void noArgumentsStartsTheShell() {
        assertThat(OneShotArguments.parse(List.of())).isEqualTo(new Interactive());
    }

    @Test
    void listingsRunTheirCommandWithList() {
        assertThat(OneShotArguments.parse(List.of("tools", "list"))).isEqualTo(new Run("tools", "list"));
        assertThat(OneShotArguments.parse(List.of("plugins", "list"))).isEqualTo(new Run("plugins", "list"));
    }

    @Test
    void doctorRunsWithoutArguments() {
        assertThat(OneShotArguments.parse(List.of("doctor"))).isEqualTo(new Run("doctor", ""));
    }

    @Test
    void configPassesItsSubcommand() {
        assertThat(OneShotArguments.parse(List.of("config", "path"))).isEqualTo(new Run("config", "path"));
        assertThat(OneShotArguments.parse(List.of("config", "show"))).isEqualTo(new Run("config", "show"));
    }

    @Test
    void configSetKeepsTheValueAsTyped() {
        assertThat(OneShotArguments.parse(List.of("config", "set", "model.default", "openrouter:x/y")))
                .isEqualTo(new Run("config", "set model.default openrouter:x/y"));
        // one quoted shell argument with spaces, or several words: both end up as "a b"
        assertThat(OneShotArguments.parse(List.of("config", "set", "display.name", "a b")))
                .isEqualTo(new Run("config", "set display.name a b"));
        assertThat(OneShotArguments.parse(List.of("config", "set", "display.name", "a", "b")))
                .isEqualTo(new Run("config", "set display.name a b"));
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        assertThat(OneShotArguments.parse(List.of("frobnicate")))
                .isEqualTo(new UsageError("unknown command 'frobnicate'"));
        assertThat(OneShotArguments.parse(List.of("--verbose"))).isEqualTo(new UsageError("unknown option '--verbose'"));
        assertThat(OneShotArguments.parse(List.of("tools")))
                .isEqualTo(new UsageError("missing subcommand: hermes tools list"));
        assertThat(OneShotArguments.parse(List.of("plugins", "remove", "x")))
                .isEqualTo(new UsageError("unknown argument 'remove x': hermes plugins list"));
        assertThat(OneShotArguments.parse(List.of("doctor", "now")))
                .isEqualTo(new UsageError("doctor takes no arguments, got 'now'"));
        assertThat(OneShotArguments.parse(List.of("config")))
                .isEqualTo(new UsageError("missing subcommand: hermes config path|show|set KEY VALUE"));
        assertThat(OneShotArguments.parse(List.of("config", "show", "all")))
                .isEqualTo(new UsageError("config show takes no arguments"));
        assertThat(OneShotArguments.parse(List.of("config", "set", "KEY")))
                .isEqualTo(new UsageError("usage: hermes config set KEY VALUE"));
        assertThat(OneShotArguments.parse(List.of("config", "unset", "KEY")))
                .isEqualTo(new UsageError("unknown argument 'unset': hermes config path|show|set KEY VALUE"));
    }

    @Test
    void splitsTheLauncherProperty() {
        assertThat(OneShotArguments.split(null)).isEmpty();
        assertThat(OneShotArguments.split("")).isEmpty();
        assertThat(OneShotArguments.split("tools\u001flist")).containsExactly("tools", "list");
        assertThat(OneShotArguments.split("config\u001fset\u001fname\u001fa b")).containsExactly("config", "set", "name",
                "a b");
        assertThat(OneShotArguments.split("config\u001fset\u001fname\u001f")).containsExactly("config", "set", "name", "");
    }
}
