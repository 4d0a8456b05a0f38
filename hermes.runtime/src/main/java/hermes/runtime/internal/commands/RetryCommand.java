package hermes.runtime.internal.commands;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Submission;

/** {@code /retry}: send the last message again, dropping the answer it got. */
@Component(service = Command.class)
public final class RetryCommand implements Command {

    @Override
    public String name() {
        return "retry";
    }

    @Override
    public String description() {
        return "send the last message again, dropping the answer it got";
    }

    @Override
    public void run(String arguments, Context context) {
        CommandSessions.require(context).submit(new Submission.Retry());
    }
}
