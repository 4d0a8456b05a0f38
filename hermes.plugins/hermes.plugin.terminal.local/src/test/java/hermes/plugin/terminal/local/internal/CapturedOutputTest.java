package hermes.plugin.terminal.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class CapturedOutputTest {

    @Test
    void runawayOutputKeepsHeadAndTailAndCountsWhatWasDropped() throws Exception {
        int half = CapturedOutput.HALF_LIMIT;
        byte[] bytes = ("H".repeat(half) + "M".repeat(500) + "T".repeat(half)).getBytes(StandardCharsets.UTF_8);

        CapturedOutput output = CapturedOutput.start(new ByteArrayInputStream(bytes));
        output.awaitEnd(Duration.ofSeconds(10));

        assertThat(output.text()).isEqualTo("H".repeat(half) + "\n[... 500 bytes of output not kept ...]\n"
                + "T".repeat(half));
    }

    @Test
    void characterSplitBetweenHeadAndTailStaysWhole() throws Exception {
        String text = "a".repeat(CapturedOutput.HALF_LIMIT - 1) + "é and more";

        CapturedOutput output = CapturedOutput.start(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        output.awaitEnd(Duration.ofSeconds(10));

        assertThat(output.text()).isEqualTo(text);
    }
}
