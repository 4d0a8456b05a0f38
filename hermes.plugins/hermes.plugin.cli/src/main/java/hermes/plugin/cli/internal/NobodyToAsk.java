package hermes.plugin.cli.internal;

import hermes.api.Event;
import hermes.api.Submission;
import hermes.api.Submission.ApprovalAnswer.Decision;
import hermes.plugin.cli.internal.Screen.Tone;

/**
 * The questions of a one-shot whose stdin is not a terminal (a script, a pipe, cron): nobody can answer, so every
 * dangerous command is denied at once, and the agent's questions get no answer. Each says so on stderr, with the fix.
 */
final class NobodyToAsk implements Questions {

    private final Screen screen;

    NobodyToAsk(Screen screen) {
        this.screen = screen;
    }

    @Override
    public Submission.ApprovalAnswer approve(Event.ApprovalRequested request) {
        screen.line(Tone.WARNING, "denied: " + ToolLines.shorten(request.command(), ToolLines.ERROR_WIDTH)
                + " (" + request.reason() + "): nobody can approve it, stdin is not a terminal;"
                + " run at a terminal, or pass --yolo to allow dangerous commands");
        return new Submission.ApprovalAnswer(request.requestId(), Decision.DENY);
    }

    @Override
    public Submission.ClarifyAnswer clarify(Event.ClarifyRequested request) {
        screen.line(Tone.WARNING, "not answered: " + request.question() + " (stdin is not a terminal)");
        return new Submission.ClarifyAnswer(request.requestId(), "");
    }

    @Override
    public void cancel() {
        // nothing ever waits
    }
}
