package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import hermes.api.Event.PluginChanged;
import hermes.api.Event.PluginChanged.Change;
import hermes.api.PluginInfo;

class PluginChangeLineTest {

    @Test
    void installedNamesTheToolsThatAppeared() {
        assertThat(line(plugin("hello-tool", "1.0.0", List.of("hello")), Change.INSTALLED, List.of("hello"), List.of()))
                .isEqualTo("plugin hello-tool 1.0.0 installed: +1 tool (hello)");
        assertThat(line(plugin("pair", "0.2.0", List.of("a", "b")), Change.INSTALLED, List.of("a", "b"), List.of()))
                .isEqualTo("plugin pair 0.2.0 installed: +2 tools (a, b)");
    }

    @Test
    void installedWithoutToolsSaysSo() {
        assertThat(line(plugin("quiet", "1.0.0", List.of()), Change.INSTALLED, List.of(), List.of()))
                .isEqualTo("plugin quiet 1.0.0 installed: no tools");
    }

    @Test
    void updatedCountsTheToolsItHasNowAndTheDifference() {
        assertThat(line(plugin("hello-tool", "2.0.0", List.of("hello")), Change.UPDATED, List.of(), List.of()))
                .isEqualTo("plugin hello-tool 2.0.0 updated: 1 tool (hello)");
        assertThat(line(plugin("hello-tool", "2.0.0", List.of("hello", "x")), Change.UPDATED, List.of("x"),
                List.of("y")))
                .isEqualTo("plugin hello-tool 2.0.0 updated: 2 tools (hello, x), +1 (x), -1 (y)");
        assertThat(line(plugin("hello-tool", "3.0.0", List.of()), Change.UPDATED, List.of(), List.of("a", "b")))
                .isEqualTo("plugin hello-tool 3.0.0 updated: no tools, -2 (a, b)");
    }

    @Test
    void removedNamesTheToolsThatWentAway() {
        assertThat(line(plugin("hello-tool", "1.0.0", List.of()), Change.REMOVED, List.of(), List.of("hello")))
                .isEqualTo("plugin hello-tool 1.0.0 removed: -1 tool (hello)");
        assertThat(line(plugin("quiet", "1.0.0", List.of()), Change.REMOVED, List.of(), List.of()))
                .isEqualTo("plugin quiet 1.0.0 removed: no tools");
    }

    @Test
    void failedShowsTheLastError() {
        PluginInfo broken = new PluginInfo("broken", Optional.empty(), "broken.jar", PluginInfo.Kind.UNKNOWN,
                PluginInfo.State.FAILED, Optional.of("not a jar: zip END header not found"), List.of());
        assertThat(line(broken, Change.FAILED, List.of(), List.of()))
                .isEqualTo("plugin broken failed: not a jar: zip END header not found");
    }

    @Test
    void failedWithoutAnErrorPointsAtTheLog() {
        PluginInfo broken = new PluginInfo("broken", Optional.of("1.0.0"), "broken.jar", PluginInfo.Kind.BUNDLE,
                PluginInfo.State.FAILED, Optional.empty(), List.of());
        assertThat(line(broken, Change.FAILED, List.of(), List.of()))
                .isEqualTo("plugin broken 1.0.0 failed: no reason given (see $HERMES_HOME/logs/hermes.log)");
    }

    @Test
    void anEmptyVersionIsLeftOut() {
        assertThat(line(plugin("plain-tool", "", List.of("echo")), Change.INSTALLED, List.of("echo"), List.of()))
                .isEqualTo("plugin plain-tool installed: +1 tool (echo)");
        PluginInfo noVersion = new PluginInfo("plain-tool", Optional.empty(), "plain-tool.jar",
                PluginInfo.Kind.PLAIN_JAR, PluginInfo.State.ACTIVE, Optional.empty(), List.of("echo"));
        assertThat(line(noVersion, Change.INSTALLED, List.of("echo"), List.of()))
                .isEqualTo("plugin plain-tool installed: +1 tool (echo)");
    }

    private static String line(PluginInfo plugin, Change change, List<String> added, List<String> removed) {
        return PluginChangeLine.of(new PluginChanged(plugin, change, added, removed));
    }

    private static PluginInfo plugin(String name, String version, List<String> tools) {
        return new PluginInfo(name, Optional.of(version), name + ".jar", PluginInfo.Kind.BUNDLE,
                PluginInfo.State.ACTIVE, Optional.empty(), tools);
    }
}
