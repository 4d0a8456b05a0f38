package hermes.runtime.internal.commands;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Session;
import hermes.api.Submission;

/** {@code /model}: show or switch the model for this session: /model [provider:]model. */
@Component(service = Command.class)
public final class ModelCommand implements Command {

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String description() {
        return "show or switch the model for this session: /model [provider:]model";
    }

    @Override
    public void run(String arguments, Context context) {
        Session session = CommandSessions.require(context);
        if (arguments.isEmpty()) {
            context.reply("model: " + session.model());
            return;
        }
        session.submit(new Submission.SwitchModel(arguments));
    }
}
