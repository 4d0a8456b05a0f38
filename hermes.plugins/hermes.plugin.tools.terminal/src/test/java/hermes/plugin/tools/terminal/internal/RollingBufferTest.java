package hermes.plugin.tools.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollingBufferTest {

    private static void append(RollingBuffer buffer, String text) {
        buffer.append(text.toCharArray(), 0, text.length());
    }

    @Test
    void keepsOnlyTheLastCapacityCharacters() {
        RollingBuffer buffer = new RollingBuffer(5);
        for (char c = 'a'; c <= 'z'; c++) {
            append(buffer, String.valueOf(c));
        }

        assertThat(buffer.text()).isEqualTo("vwxyz");
    }

    @Test
    void sliceSinceAPositionSaysHowMuchRolledAway() {
        RollingBuffer buffer = new RollingBuffer(5);
        append(buffer, "abc");
        RollingBuffer.Slice first = buffer.since(0);
        append(buffer, "defghijklm");

        assertThat(first).isEqualTo(new RollingBuffer.Slice("abc", 3, 0));
        assertThat(buffer.since(first.end())).isEqualTo(new RollingBuffer.Slice("ijklm", 13, 5));
        assertThat(buffer.since(13)).isEqualTo(new RollingBuffer.Slice("", 13, 0));
    }
}
