package hermes.runtime.internal.commands;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Submission;

/** {@code /undo}: remove the last exchange (or the last N): /undo [N]. */
@Component(service = Command.class)
public final class UndoCommand implements Command {

    @Override
    public String name() {
        return "undo";
    }

    @Override
    public String description() {
        return "remove the last exchange (or the last N): /undo [N]";
    }

    @Override
    public void run(String arguments, Context context) {
        int exchanges;
        try {
            exchanges = arguments.isEmpty() ? 1 : Integer.parseInt(arguments);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + arguments + "' is not a number: /undo [N]");
        }
        if (exchanges < 1) {
            throw new IllegalArgumentException("/undo needs a positive number, got " + exchanges);
        }
        CommandSessions.require(context).submit(new Submission.Undo(exchanges));
    }
}
