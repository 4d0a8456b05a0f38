package hermes.plugin.tools.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import hermes.testing.FakeToolContext;

class OutputLimitsTest {

    @Test
    void outputWithinTheLimitsIsUnchanged() {
        String output = "line one\nline two\n";

        assertThat(OutputLimits.DEFAULTS.apply(output)).isEqualTo(output);
    }

    @Test
    void overlongOutputKeepsFortyPercentHeadAndSixtyPercentTail() {
        String output = "h".repeat(600) + "m".repeat(1_000) + "t".repeat(400);

        String limited = new OutputLimits(1_000, 2_000, 10_000).apply(output);

        assertThat(limited).startsWith("h".repeat(400) + "\n\n[... output cut: 1000 of 2000 characters left out")
                .endsWith("...]\n\n" + "m".repeat(200) + "t".repeat(400));
        assertThat(limited.replaceAll("\n\n\\[\\.\\.\\..*\\.\\.\\.]\n\n", ""))
                .isEqualTo("h".repeat(400) + "m".repeat(200) + "t".repeat(400));
    }

    @Test
    void tooManyLinesKeepFortyPercentFromTheStartAndSixtyFromTheEnd() {
        String output = IntStream.rangeClosed(1, 100).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n"));

        String limited = new OutputLimits(50_000, 10, 2_000).apply(output);

        assertThat(limited).isEqualTo("1\n2\n3\n4\n[... 90 of 100 lines left out ...]\n95\n96\n97\n98\n99\n100\n");
    }

    @Test
    void longLinesAreCutAndSayByHowMuch() {
        String limited = new OutputLimits(50_000, 2_000, 5).apply("short\n" + "x".repeat(12) + "\nend");

        assertThat(limited).isEqualTo("short\nxxxxx [line cut: 7 more characters]\nend");
    }

    @Test
    void limitsComeFromTheSessionConfiguration() {
        FakeToolContext context = new FakeToolContext(Path.of("."))
                .with("tool_output.max_bytes", 10L)
                .with("tool_output.max_lines", "20")
                .with("tool_output.max_line_length", 30.0);

        assertThat(OutputLimits.of(context)).isEqualTo(new OutputLimits(10, 20, 30));
        assertThat(OutputLimits.of(new FakeToolContext(Path.of(".")))).isEqualTo(OutputLimits.DEFAULTS);
    }
}
