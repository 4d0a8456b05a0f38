package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import hermes.api.Event;
import hermes.api.ToolResult;

class ToolLinesTest {

    @Test
    void aStartLineShowsTheFirstTextArgument() {
        assertThat(ToolLines.started(new Event.ToolStarted("c", "terminal", "{\"command\":\"ls -la\",\"timeout\":5}")))
                .isEqualTo("  ⚙ terminal: ls -la");
    }

    @Test
    void withoutATextArgumentEveryArgumentIsShown() {
        assertThat(ToolLines.summary("todo", "{\"merge\":true,\"count\":3}")).isEqualTo("merge=true, count=3");
        assertThat(ToolLines.started(new Event.ToolStarted("c", "session_search", "{}")))
                .isEqualTo("  ⚙ session_search");
        assertThat(ToolLines.started(new Event.ToolStarted("c", "clock", "")))
                .isEqualTo("  ⚙ clock");
    }

    @Test
    void longOrMultilineArgumentsAreFlattenedAndCut() {
        String script = "{\"code\":\"import os\\nfor f in os.listdir('.'):\\n    print(f)  # and a long comment here\"}";
        String summary = ToolLines.summary("execute_code", script);
        assertThat(summary).isEqualTo("import os for f in os.listdir('.'): print(f) # and a long c…");
        assertThat(summary).hasSize(ToolLines.ARGUMENTS_WIDTH);
    }

    @Test
    void malformedArgumentsAreShownAsText() {
        assertThat(ToolLines.summary("terminal", "{\"command\": \"ls")).isEqualTo("{\"command\": \"ls");
    }

    @Test
    void aFinishLineSaysHowLongItTook() {
        assertThat(ToolLines.finished(new Event.ToolFinished("c", "terminal", ToolResult.ok("x"),
                Duration.ofMillis(412)))).isEqualTo("  ✓ terminal 0.4s");
        assertThat(ToolLines.seconds(Duration.ofMillis(59_940))).isEqualTo("59.9s");
        assertThat(ToolLines.seconds(Duration.ofSeconds(125))).isEqualTo("2m05s");
    }

    @Test
    void aFailedCallShowsTheFirstLineOfItsError() {
        assertThat(ToolLines.finished(new Event.ToolFinished("c", "terminal",
                ToolResult.error("command not found: lss\nexit code 127"), Duration.ofMillis(30))))
                .isEqualTo("  ✗ terminal 0.0s: command not found: lss");
        assertThat(ToolLines.errorLine("{\"error\":\"no such file: a.txt\",\"similar\":[\"b.txt\"]}"))
                .isEqualTo("no such file: a.txt");
        assertThat(ToolLines.errorLine("x".repeat(300))).hasSize(ToolLines.ERROR_WIDTH).endsWith("…");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String text = "a".repeat(8) + "😀" + "b".repeat(5);
        assertThat(ToolLines.shorten(text, 10)).isEqualTo("a".repeat(8) + "…");
    }
}
