package hermes.plugin.gateway.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;

/** {@code /platform list | pause <platform> | resume <platform>}: the gateway's channels and their states. */
@Component(service = Command.class, property = "hermes.id=platform")
public final class PlatformCommand implements Command {

    static final String USAGE = "usage: platform list | pause <platform> | resume <platform>";

    private final Gateway gateway;

    @Activate
    public PlatformCommand(@Reference GatewayComponent component) {
        this(component.gateway());
    }

    PlatformCommand(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "platform";
    }

    @Override
    public String description() {
        return "list the gateway's platforms and their states; pause or resume one";
    }

    @Override
    public void run(String arguments, Context context) {
        String[] words = arguments.strip().isEmpty() ? new String[] {"list"} : arguments.strip().split("\\s+");
        switch (words[0]) {
            case "list" -> context.reply(list());
            case "pause" -> context.reply(gateway.pause(platform(words, "pause")));
            case "resume" -> context.reply(gateway.resume(platform(words, "resume")));
            default -> throw new IllegalArgumentException("unknown subcommand '" + words[0] + "'; " + USAGE);
        }
    }

    private String list() {
        List<Supervision.PlatformStatus> platforms = gateway.statuses();
        StringBuilder text = new StringBuilder();
        if (!gateway.isRunning()) {
            text.append(gateway.runningElsewhere().map(pid -> "The gateway runs in another process (pid " + pid
                    + "); these are the channels installed here.\n").orElse("The gateway is not running.\n"));
        }
        if (platforms.isEmpty()) {
            return text.append("No channel is installed.").toString();
        }
        int width = platforms.stream().mapToInt(status -> status.platform().length()).max().orElse(0);
        Instant now = Instant.now();
        for (Supervision.PlatformStatus status : platforms) {
            text.append(String.format("%-" + width + "s  %s%n", status.platform(), status.state().describe(now)));
        }
        return text.toString().stripTrailing();
    }

    private static String platform(String[] words, String verb) {
        if (words.length != 2) {
            throw new IllegalArgumentException("usage: platform " + verb + " <platform>");
        }
        return words[1];
    }
}
