package hermes.runtime.internal.commands;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Submission;

/** {@code /resume ID|TITLE}: continue a stored conversation here (the current one stays stored). */
@Component(service = Command.class)
public final class ResumeCommand implements Command {

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String description() {
        return "continue a stored conversation: /resume ID|TITLE (/sessions lists them)";
    }

    @Override
    public void run(String arguments, Context context) {
        if (arguments.isBlank()) {
            throw new IllegalArgumentException("which session? /resume ID|TITLE (/sessions lists them)");
        }
        CommandSessions.require(context).submit(new Submission.Resume(arguments));
    }
}
