package hermes.runtime.internal.commands;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Submission;

/** {@code /new}: start a new conversation (the old one stays in the session store). */
@Component(service = Command.class)
public final class NewCommand implements Command {

    @Override
    public String name() {
        return "new";
    }

    @Override
    public String description() {
        return "start a new conversation (the old one stays in the session store)";
    }

    @Override
    public List<String> aliases() {
        return List.of("reset");
    }

    @Override
    public void run(String arguments, Context context) {
        CommandSessions.require(context).submit(new Submission.NewConversation());
    }
}
