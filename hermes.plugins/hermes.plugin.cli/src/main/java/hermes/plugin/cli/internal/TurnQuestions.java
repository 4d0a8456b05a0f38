package hermes.plugin.cli.internal;

import java.util.List;
import java.util.Locale;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;

/**
 * Asks the user what a running turn needs to know: whether a dangerous command may run, or the answer to the agent's
 * question. Runs on the CLI thread, which is free while the turn streams.
 */
final class TurnQuestions {

    private final LineReader reader;
    private final TurnPrinter printer;

    TurnQuestions(LineReader reader, TurnPrinter printer) {
        this.reader = reader;
        this.printer = printer;
    }

    /** Asks for approval; anything but a clear yes (and Ctrl-C, Ctrl-D) denies, as the runtime does on timeout. */
    Submission.ApprovalAnswer approve(Event.ApprovalRequested request) {
        printer.line("⚠ approval needed: " + request.command() + "\n  " + request.reason());
        String answer = ask("allow? [o]nce, [s]ession, [a]lways, [d]eny: ");
        return new Submission.ApprovalAnswer(request.requestId(), decision(answer));
    }

    /** Asks the agent's question; a number picks one of the offered choices. */
    Submission.ClarifyAnswer clarify(Event.ClarifyRequested request) {
        StringBuilder question = new StringBuilder("? ").append(request.question());
        List<String> choices = request.choices();
        for (int i = 0; i < choices.size(); i++) {
            question.append("\n  ").append(i + 1).append(". ").append(choices.get(i));
        }
        printer.line(question.toString());
        return new Submission.ClarifyAnswer(request.requestId(), choice(ask("answer: "), choices));
    }

    /** The decision a typed answer means. */
    static Decision decision(String answer) {
        return switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "o", "once", "y", "yes" -> Decision.ONCE;
            case "s", "session" -> Decision.SESSION;
            case "a", "always" -> Decision.ALWAYS;
            default -> Decision.DENY;
        };
    }

    /** The choice a typed number stands for, else the typed text itself. */
    static String choice(String answer, List<String> choices) {
        String typed = answer.strip();
        try {
            int index = Integer.parseInt(typed) - 1;
            if (index >= 0 && index < choices.size()) {
                return choices.get(index);
            }
        } catch (NumberFormatException notANumber) {
            // free text
        }
        return typed;
    }

    private String ask(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return "";
        }
    }
}
