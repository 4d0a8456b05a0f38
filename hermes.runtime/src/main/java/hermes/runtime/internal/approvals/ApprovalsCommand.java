package hermes.runtime.internal.approvals;

import java.io.IOException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;
import hermes.runtime.internal.config.Settings;

/**
 * {@code /approvals} shows the approval settings; {@code hermes approvals check "<command>"} prints the verdict as one
 * JSON object, and the CLI's {@code --jsonl} mode sends {@code check-json <JSON string>} once per input line.
 */
@Component(service = Command.class)
public final class ApprovalsCommand implements Command {

    private final Settings settings;
    private final CommandClassifier classifier = new CommandClassifier();

    @Activate
    public ApprovalsCommand(@Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "approvals";
    }

    @Override
    public String description() {
        return "show approval settings, or classify a command: /approvals check <command>";
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        String[] words = arguments.split("\\s+", 2);
        switch (words[0]) {
            case "" -> context.reply("mode: " + settings.config().get("approvals.mode").orElse("manual")
                    + "\ntimeout: " + settings.config().get("approvals.timeout").orElse(60) + " s"
                    + "\nyolo: " + context.session().flatMap(s -> s.setting("approvals.yolo")).orElse("false")
                    + "\ncommand_allowlist: " + settings.config().strings("command_allowlist"));
            case "check" -> context.reply(classifier.classify(words.length > 1 ? words[1] : "").toJson());
            case "check-json" -> {
                String command;
                try {
                    command = JsonText.string(words.length > 1 ? words[1] : "");
                } catch (IllegalArgumentException e) {
                    context.reply("{\"error\": " + JsonText.array(List.of(e.getMessage()))
                            .replaceAll("^\\[|]$", "") + "}");
                    return;
                }
                context.reply(classifier.classify(command).toJson());
            }
            default -> throw new IllegalArgumentException("unknown argument '" + words[0]
                    + "': /approvals, or /approvals check <command>");
        }
    }
}
