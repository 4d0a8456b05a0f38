package hermes.runtime.internal.commands;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Session;
import hermes.api.Submission;

/** {@code /yolo}: toggle approving dangerous commands without asking (hardline commands stay blocked). */
@Component(service = Command.class)
public final class YoloCommand implements Command {

    @Override
    public String name() {
        return "yolo";
    }

    @Override
    public String description() {
        return "toggle approving dangerous commands without asking (hardline commands stay blocked)";
    }

    @Override
    public void run(String arguments, Context context) {
        Session session = CommandSessions.require(context);
        boolean on = !session.setting("approvals.yolo").map(Boolean::parseBoolean).orElse(false);
        session.submit(new Submission.Configure(Map.of("approvals.yolo", String.valueOf(on))));
        context.reply(on ? "YOLO on: dangerous commands run without asking in this session (hardline ones never run)"
                : "YOLO off: dangerous commands ask for approval again");
    }
}
