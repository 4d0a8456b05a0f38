package hermes.plugin.cli.internal;

import static hermes.plugin.cli.internal.TurnRunnerTest.finished;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.api.ToolResult;
import hermes.plugin.cli.internal.TurnPrinter.Verbosity;

class TurnPrinterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Screen screen = new PlainScreen(new PrintWriter(out), new PrintWriter(err));
    private long sequence;

    @Test
    void streamsTheAnswerAndEndsTheTurnOnANewLine() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.TextDelta("Hel")));
        printer.accept(event(new Event.TextDelta("lo")));
        assertThat(out.toString()).isEqualTo("Hello");
        printer.accept(event(finished("stop", "Hello")));
        assertThat(out.toString()).isEqualTo("Hello\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void toolProgressBreaksTheStreamedLine() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.TextDelta("Let me look.")));
        printer.accept(event(new Event.ToolStarted("c1", "read_file", "{\"path\":\"/etc/hosts\",\"limit\":5}")));
        printer.accept(event(new Event.ToolFinished("c1", "read_file",
                ToolResult.error("{\"error\":\"permission denied\\nmore detail\"}"), Duration.ofMillis(1250))));
        printer.accept(event(new Event.TextDelta("Denied.")));
        printer.accept(event(finished("stop", "Let me look.Denied.")));
        assertThat(out.toString()).isEqualTo("""
                Let me look.
                  ⚙ read_file: /etc/hosts
                  ✗ read_file 1.3s: permission denied
                Denied.
                """);
    }

    @Test
    void noticesAreLinesOfTheirOwnAndReasoningIsNotShown() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.ReasoningDelta("thinking hard")));
        printer.accept(event(new Event.Notice("rate limited; retrying in 2 s")));
        printer.accept(event(new Event.TextDelta("ok")));
        printer.accept(event(finished("stop", "ok")));
        assertThat(out.toString()).isEqualTo("rate limited; retrying in 2 s\nok\n");
    }

    @Test
    void errorsGoToStderrOnALineOfTheirOwn() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.TextDelta("partial")));
        printer.accept(event(new Event.Error("the provider answered 401: check OPENROUTER_API_KEY")));
        printer.accept(event(finished("error", "")));
        assertThat(out.toString()).isEqualTo("partial\n");
        assertThat(err.toString()).isEqualTo("error: the provider answered 401: check OPENROUTER_API_KEY\n");
    }

    @Test
    void quietShowsTheAnswerAndErrorsButNoProgressOrNotices() {
        TurnPrinter printer = printer(Verbosity.QUIET);
        printer.accept(event(new Event.ToolStarted("c1", "terminal", "{\"command\":\"ls\"}")));
        printer.accept(event(new Event.ToolFinished("c1", "terminal", ToolResult.ok("a"), Duration.ofMillis(10))));
        printer.accept(event(new Event.Notice("fell back to openrouter:x")));
        printer.accept(event(new Event.TextDelta("a")));
        printer.accept(event(new Event.Error("oops")));
        printer.accept(event(finished("stop", "a")));
        assertThat(out.toString()).isEqualTo("a\n");
        assertThat(err.toString()).isEqualTo("error: oops\n");
    }

    @Test
    void answerOnlyPrintsTheFinalAnswerWhenTheTurnEnds() {
        TurnPrinter printer = printer(Verbosity.ANSWER_ONLY);
        printer.accept(event(new Event.TextDelta("draft")));
        printer.accept(event(new Event.ToolStarted("c1", "terminal", "{\"command\":\"ls\"}")));
        assertThat(out.toString()).isEmpty();
        printer.accept(event(finished("stop", "The answer.")));
        assertThat(out.toString()).isEqualTo("The answer.\n");
    }

    @Test
    void anAnswerThatWasNotStreamedIsShownAtTheEnd() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(finished("stop", "Whole answer at once.")));
        assertThat(out.toString()).isEqualTo("Whole answer at once.\n");
    }

    @Test
    void questionsAndPluginChangesAreNotThePrintersToShow() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.ApprovalRequested("a1", "rm -rf x", "recursive delete", Instant.EPOCH)));
        printer.accept(event(new Event.ClarifyRequested("q1", "Which?", List.of("a"))));
        printer.accept(event(new Event.PluginChanged(new PluginInfo("p", Optional.empty(), "p.jar",
                PluginInfo.Kind.BUNDLE, PluginInfo.State.ACTIVE, Optional.empty(), List.of()),
                Event.PluginChanged.Change.INSTALLED, List.of(), List.of())));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void saysHowATurnEndedWhenItWasNotTheUsualWay() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.TextDelta("partial")));
        printer.accept(event(finished("interrupted", "")));
        printer.accept(event(finished("max_turns", "")));
        assertThat(out.toString()).isEqualTo("partial\n");
        assertThat(err.toString()).isEqualTo("(interrupted)\n"
                + "(stopped: the turn reached its step limit; raise it with --max-turns N)\n");
    }

    @Test
    void aCtrlCIsAnnouncedOnceNotAgainWhenTheTurnEnds() {
        TurnPrinter printer = printer(Verbosity.PROGRESS);
        printer.accept(event(new Event.TextDelta("work")));
        printer.interrupting();
        printer.accept(event(finished("interrupted", "")));
        assertThat(out.toString()).isEqualTo("work\n");
        assertThat(err.toString()).isEqualTo("interrupted\n");
    }

    @Test
    void turnEndNotesFitWhoIsListening() {
        assertThat(TurnPrinter.note("stop", true)).isEmpty();
        assertThat(TurnPrinter.note("error", false)).isEmpty();
        assertThat(TurnPrinter.note("interrupted", true)).isEqualTo("(interrupted)");
        assertThat(TurnPrinter.note("max_turns", true))
                .isEqualTo("(stopped: the turn reached its step limit; say \"continue\" to go on)");
        assertThat(TurnPrinter.note("length", false)).isEqualTo("(turn ended: length)");
    }

    private TurnPrinter printer(Verbosity verbosity) {
        return new TurnPrinter(screen, verbosity, false);
    }

    private Event event(Event.Payload payload) {
        return new Event(Optional.of("s"), 1, Optional.of("sub"), sequence++, Instant.EPOCH, payload);
    }
}
