package hermes.runtime.internal.commands;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;
import hermes.runtime.internal.config.Settings;

/** {@code /config} and {@code hermes config path|show|set KEY VALUE}. */
@Component(service = Command.class)
public final class ConfigCommand implements Command {

    private static final String USAGE = "usage: config path | config show | config set KEY VALUE";

    private final Settings settings;

    @Activate
    public ConfigCommand(@Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String description() {
        return "show the config file's path or content, or set a key (path | show | set KEY VALUE)";
    }

    @Override
    public boolean cliOnly() {
        return true;
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        String[] words = arguments.isEmpty() ? new String[] {"show"} : arguments.split("\\s+", 3);
        switch (words[0]) {
            case "path" -> context.reply(settings.config().path().toString());
            case "show" -> context.reply("# " + settings.config().path() + "\n" + settings.config().render().strip());
            case "set" -> {
                if (words.length < 3) {
                    throw new IllegalArgumentException(USAGE);
                }
                Path written = settings.config().set(words[1], words[2]);
                boolean secret = written.getFileName().toString().equals(".env");
                context.reply("set " + words[1] + (secret ? "" : " = " + words[2]) + " in " + written);
            }
            default -> throw new IllegalArgumentException("unknown argument '" + words[0] + "'; " + USAGE);
        }
    }
}
