package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken jars in the plugins folder are reported — which jar, what went wrong, what to do — in {@code /plugins} and
 * {@code doctor}, and never stop the runtime or the other plugins.
 */
class BrokenPluginIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path home;
    @TempDir
    Path scratch;
    private RunningHermes hermes;

    @BeforeEach
    void startWithHelloInstalled() throws Exception {
        hermes = new RunningHermes(home);
        Files.copy(FixtureJars.helloV1(), hermes.pluginFolder().resolve("hello-tool.jar"));
        RunningHermes.await("hello registered", WAIT, () -> hermes.toolNames().contains("hello"));
    }

    @AfterEach
    void stop() {
        hermes.close();
    }

    @Test
    void aCorruptJarIsReportedAndRetriedOnItsNextChange() throws Exception {
        Path jar = hermes.pluginFolder().resolve("corrupt.jar");
        Files.copy(FixtureJars.corrupt(scratch), jar);
        RunningHermes.await("corrupt.jar reported", WAIT,
                () -> hermes.plugin("corrupt").map(p -> p.state().equals("FAILED")).orElse(false));

        RunningHermes.Plugin reported = hermes.plugin("corrupt").orElseThrow();
        assertThat(reported.state()).isEqualTo("FAILED");
        assertThat(reported.lastError()).contains("corrupt.jar is not a readable jar").contains("retried on its next change");
        assertThat(hermes.command("plugins", "")).contains("corrupt").contains("failed").contains("not a readable jar");
        assertOthersStillWork();

        HotSwapIT.copyLikeCp(FixtureJars.plainV1(), jar);
        RunningHermes.await("the fixed jar loaded", WAIT, () -> hermes.toolNames().contains("shout"));
        assertThat(hermes.plugin("corrupt").orElseThrow().state()).isEqualTo("ACTIVE");
        assertThat(hermes.call("shout", "{\"text\":\"fixed\"}").content()).isEqualTo("FIXED! (plain-tool 1.0.0)");
    }

    @Test
    void aComponentThatThrowsInActivateIsShownAsFailedWithItsException() throws Exception {
        Files.copy(FixtureJars.failingActivation(scratch), hermes.pluginFolder().resolve("failing-tool.jar"));
        RunningHermes.await("failing-tool reported", WAIT,
                () -> hermes.plugin("failing-tool").map(p -> p.state().equals("FAILED")).orElse(false));

        assertThat(hermes.plugin("failing-tool").orElseThrow().lastError())
                .contains("failed to activate").contains("database unreachable at activation");
        assertThat(hermes.command("plugins", "")).contains("failing-tool").contains("database unreachable");
        assertThat(hermes.command("doctor", "")).contains("[FAIL] plugins")
                .contains("failing-tool 1.0.0: component failing-tool failed to activate")
                .contains("database unreachable at activation");
        assertThat(hermes.toolNames()).doesNotContain("failing");
        assertOthersStillWork();
    }

    @Test
    void aBundleThatCannotResolveNamesTheMissingPackage() throws Exception {
        Files.copy(FixtureJars.unresolvable(scratch), hermes.pluginFolder().resolve("needs-missing.jar"));
        // The jar is INSTALLED first; the failed resolve that follows is what gets reported.
        RunningHermes.await("needs-missing reported", WAIT,
                () -> hermes.plugin("needs-missing").map(p -> p.state().equals("FAILED")).orElse(false));

        RunningHermes.Plugin reported = hermes.plugin("needs-missing").orElseThrow();
        assertThat(reported.lastError()).contains("nothing exports package com.example.missing");
        assertOthersStillWork();
    }

    @Test
    void aPluginListedInPluginsDisabledIsNotLoaded() throws Exception {
        Files.writeString(home.resolve("config.yaml"), "plugins:\n  disabled: [plain-tool]\n");
        Files.copy(FixtureJars.plainV1(), hermes.pluginFolder().resolve("plain-tool.jar"));
        RunningHermes.await("plain-tool seen", WAIT, () -> hermes.plugin("plain-tool").isPresent());

        assertThat(hermes.plugin("plain-tool").orElseThrow().state()).isEqualTo("DISABLED");
        assertThat(hermes.toolNames()).doesNotContain("shout");
        assertOthersStillWork();
    }

    private void assertOthersStillWork() throws Exception {
        assertThat(hermes.call("echo", "{\"text\":\"ok\"}")).isEqualTo(new RunningHermes.Result("ok", false));
        assertThat(hermes.call("hello", "{\"name\":\"Bo\"}"))
                .isEqualTo(new RunningHermes.Result("Hello, Bo! (hello-tool 1.0.0)", false));
        assertThat(hermes.plugin("hello-tool").orElseThrow().state()).isEqualTo("ACTIVE");
    }
}
