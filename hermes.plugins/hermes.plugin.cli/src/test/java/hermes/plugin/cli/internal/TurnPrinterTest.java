package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import hermes.api.Event;

class TurnPrinterTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal = dumbTerminal(screen);
    private final TurnPrinter printer = new TurnPrinter(terminal);
    private long sequence;

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    @Test
    void streamsTheAnswerAndEndsTheTurnOnANewLine() throws InterruptedException {
        printer.accept(event(new Event.TextDelta("Hel")));
        printer.accept(event(new Event.TextDelta("lo")));
        assertThat(screen()).isEqualTo("Hello");
        printer.accept(event(new Event.TurnFinished("stop", null)));
        assertThat(screen()).isEqualTo("Hello\n");
        assertThat(printer.next()).isEqualTo(new TurnPrinter.Finished("stop"));
    }

    @Test
    void showsAnErrorOnALineOfItsOwn() throws InterruptedException {
        printer.accept(event(new Event.Error("no model provider is installed")));
        printer.accept(event(new Event.TurnFinished("error", null)));
        assertThat(screen()).isEqualTo("error: no model provider is installed\n");
        assertThat(printer.next()).isEqualTo(new TurnPrinter.Finished("error"));
    }

    @Test
    void saysWhenATurnWasInterrupted() {
        printer.accept(event(new Event.TextDelta("partial")));
        printer.accept(event(new Event.TurnFinished("interrupted", null)));
        assertThat(screen()).isEqualTo("partial\n(interrupted)\n");
    }

    @Test
    void beginTurnForgetsWhatAnAbandonedTurnLeftBehind() throws InterruptedException {
        printer.accept(event(new Event.TurnFinished("stop", null)));
        printer.beginTurn();
        printer.abandon();
        assertThat(printer.next()).isEqualTo(new TurnPrinter.Abandoned());
    }

    private String screen() {
        terminal.flush();
        return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private Event event(Event.Payload payload) {
        return new Event(Optional.of("s"), 1, Optional.of("sub"), sequence++, Instant.EPOCH, payload);
    }

    private static Terminal dumbTerminal(ByteArrayOutputStream out) {
        try {
            // a dumb terminal writes straight through: no line discipline, no colours to strip
            return new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), out,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
