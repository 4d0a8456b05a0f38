package hermes.runtime.internal.commands;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Usage;

/** {@code /usage}: tokens used in this conversation. */
@Component(service = Command.class)
public final class UsageCommand implements Command {

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public String description() {
        return "tokens used in this conversation";
    }

    @Override
    public void run(String arguments, Context context) {
        Usage usage = CommandSessions.require(context).usage();
        context.reply(String.format("input %,d tokens (cache read %,d, cache write %,d) · output %,d tokens"
                + " (reasoning %,d)", usage.inputTokens(), usage.cacheReadTokens(), usage.cacheWriteTokens(),
                usage.outputTokens(), usage.reasoningTokens()));
    }
}
