package hermes.plugin.cli.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;
import hermes.plugin.cli.internal.Screen.Tone;

/**
 * Asks the user at the terminal: shows the dangerous command and its reason and offers the original's four choices
 * ({@code [o]nce [s]ession [a]lways [d]eny}, default deny), or shows the agent's question with numbered choices.
 */
final class TurnQuestions implements Questions {

    static final String APPROVAL_PROMPT = "[o]nce [s]ession [a]lways [d]eny: ";
    static final String CLARIFY_PROMPT = "answer: ";

    private final AnswerSource answers;
    private final Screen screen;

    TurnQuestions(AnswerSource answers, Screen screen) {
        this.answers = answers;
        this.screen = screen;
    }

    /** Anything but a clear choice denies: an empty line, end of input, Ctrl-C, and the request's expiry. */
    @Override
    public Submission.ApprovalAnswer approve(Event.ApprovalRequested request) {
        screen.line(Tone.PLAIN, "⚠ approval needed: " + request.command() + "\n  " + request.reason());
        Optional<String> answer = answers.read(APPROVAL_PROMPT, request.expiresAt());
        if (answer.isEmpty() && !Instant.now().isBefore(request.expiresAt())) {
            screen.line(Tone.WARNING, "(no answer in time: denied)");
        }
        return new Submission.ApprovalAnswer(request.requestId(), decision(answer));
    }

    /** A number picks one of the offered choices; anything else is the answer as typed; no answer is {@code ""}. */
    @Override
    public Submission.ClarifyAnswer clarify(Event.ClarifyRequested request) {
        StringBuilder question = new StringBuilder("? ").append(request.question());
        List<String> choices = request.choices();
        for (int i = 0; i < choices.size(); i++) {
            question.append("\n  ").append(i + 1).append(". ").append(choices.get(i));
        }
        screen.line(Tone.PLAIN, question.toString());
        Optional<String> answer = answers.read(CLARIFY_PROMPT, Instant.MAX);
        return new Submission.ClarifyAnswer(request.requestId(), answer.map(a -> choice(a, choices)).orElse(""));
    }

    @Override
    public void cancel() {
        answers.cancel();
    }

    /** The decision a typed answer means; no answer denies. */
    static Decision decision(Optional<String> answer) {
        return switch (answer.orElse("").strip().toLowerCase(Locale.ROOT)) {
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
}
