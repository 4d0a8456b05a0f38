package hermes.runtime.internal.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import hermes.api.Command;
import hermes.api.Submission;

/**
 * {@code /compress [focus TOPIC]}: compact the conversation now. The memory review runs first; the conversation
 * continues under a new session id whose parent is the current one.
 */
@Component(service = Command.class)
public final class CompressCommand implements Command {

    private static final String USAGE = "/compress, or /compress focus TOPIC to keep one topic in detail";

    @Override
    public String name() {
        return "compress";
    }

    @Override
    public String description() {
        return "summarise the middle of the conversation to free context: " + USAGE;
    }

    @Override
    public void run(String arguments, Context context) {
        Optional<String> focus = Optional.empty();
        if (!arguments.isBlank()) {
            String[] words = arguments.split("\\s+", 2);
            if (!words[0].equals("focus") || words.length < 2) {
                throw new IllegalArgumentException("unknown argument '" + arguments + "': " + USAGE);
            }
            focus = Optional.of(words[1]);
        }
        CommandSessions.require(context).submit(new Submission.Compact(focus));
    }
}
