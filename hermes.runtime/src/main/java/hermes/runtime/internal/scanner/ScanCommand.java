package hermes.runtime.internal.scanner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

import hermes.api.Command;

/**
 * {@code hermes scan}: runs the threat scanner and replies with its JSON. {@code check <scope> <text>} scans the text
 * exactly as given (the CLI sends a whole file this way, newlines included); {@code check-json <scope> <JSON string>}
 * is the CLI's {@code --jsonl} mode, one encoded string per input line.
 */
@Component(service = Command.class)
public final class ScanCommand implements Command {

    private static final String USAGE = "/scan check all|context|strict TEXT, or check-json all|context|strict \"JSON\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The subcommand and scope, then one separating space; the text after it is kept verbatim. */
    private static final Pattern ARGUMENTS = Pattern.compile("(\\S+)(?:\\s(\\S+)(?:\\s(.*))?)?", Pattern.DOTALL);

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String description() {
        return "scan text for prompt injection and exfiltration: /scan check all|context|strict TEXT";
    }

    @Override
    public void run(String arguments, Context context) {
        Matcher words = ARGUMENTS.matcher(arguments.stripLeading());
        if (!words.matches()) {
            throw new IllegalArgumentException("missing subcommand: " + USAGE);
        }
        String subcommand = words.group(1);
        if (!subcommand.equals("check") && !subcommand.equals("check-json")) {
            throw new IllegalArgumentException("unknown argument '" + subcommand + "': " + USAGE);
        }
        if (words.group(2) == null) {
            throw new IllegalArgumentException("missing scope: " + USAGE);
        }
        Scope scope = Scope.parse(words.group(2));
        String text = words.group(3) == null ? "" : words.group(3);
        if (subcommand.equals("check")) {
            context.reply(ThreatScanner.scan(text, scope).toJson());
            return;
        }
        JsonNode decoded = decode(text);
        if (decoded.isTextual()) {
            context.reply(ThreatScanner.scan(decoded.textValue(), scope).toJson());
        } else {
            // a reply rather than an exception, so a --jsonl caller's replies stay one per line
            context.reply("{\"error\": " + TextNode.valueOf("not a JSON string: " + text.strip()) + "}");
        }
    }

    private static JsonNode decode(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
