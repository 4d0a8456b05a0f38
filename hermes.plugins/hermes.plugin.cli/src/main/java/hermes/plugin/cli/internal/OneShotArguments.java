package hermes.plugin.cli.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps the command line ({@code hermes tools list}, {@code hermes config set KEY VALUE}, …) to the {@code Command}
 * service that answers it. A pure function, kept apart from the terminal so the mapping can be tested on its own.
 *
 * <p>The surface is the one {@code hermes --help} documents; anything else is a usage error rather than a guess, so a
 * typo never runs something unexpected.
 */
final class OneShotArguments {

    /** Separates the arguments in the framework property {@code hermes.args} (set by the launcher). */
    static final String SEPARATOR = "\u001f";

    /** The scanner's scopes, smallest first; the runtime's {@code scan} command defines them, this only checks. */
    private static final List<String> SCAN_SCOPES = List.of("all", "context", "strict");

    private OneShotArguments() {
    }

    /** What the command line asks for. */
    sealed interface Dispatch {
    }

    /** The interactive shell ({@code hermes}, {@code hermes chat}), its session opened with {@code options}. */
    record Interactive(ChatOptions options) implements Dispatch {
    }

    /**
     * One message, one turn, then leave: {@code hermes chat -q "…"}, or {@code hermes -z "…"} ({@code answerOnly}: only
     * the final answer on stdout).
     */
    record Query(ChatOptions options, String text, boolean answerOnly) implements Dispatch {
    }

    /**
     * {@code hermes approvals check --jsonl}: each line of stdin is a JSON string, a command to check; one reply line
     * each, from one process.
     */
    record CheckApprovalsJsonl() implements Dispatch {
    }

    /**
     * {@code hermes scan [--scope S] FILE}: scan the whole text of {@code source} (a path, or {@code -} for stdin) at
     * {@code scope} and print the scanner's JSON.
     */
    record Scan(String scope, String source) implements Dispatch {
    }

    /** {@code hermes scan [--scope S] --jsonl}: each line of stdin is a JSON string to scan; one reply line each. */
    record ScanJsonl(String scope) implements Dispatch {
    }

    /**
     * Run one command and leave.
     *
     * @param command the {@code Command} name
     * @param arguments what the command receives (never null, trimmed)
     */
    record Run(String command, String arguments) implements Dispatch {
    }

    /** The command line is wrong; {@code problem} says how, without the {@code hermes: } prefix. */
    record UsageError(String problem) implements Dispatch {
    }

    /** Splits the launcher's {@code hermes.args} property; null or empty means no arguments. */
    static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        // -1 keeps trailing empty arguments (hermes config set KEY ""), which the user typed on purpose
        return Arrays.asList(joined.split(SEPARATOR, -1));
    }

    /** Decides what {@code arguments} (the words after {@code hermes}) ask for. */
    static Dispatch parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            return new Interactive(ChatOptions.DEFAULTS);
        }
        String first = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        if (first.startsWith("-")) {
            // hermes --yolo, hermes -m x, hermes -z "…": chat flags at the top level
            return chat(arguments, List.of("-z"), "hermes -z \"your message\"", true);
        }
        return switch (first) {
            case "chat" -> chat(rest, List.of("-q", "--query"), "hermes chat -q \"your message\"", false);
            case "approvals" -> approvals(rest);
            case "scan" -> scan(rest);
            case "tools", "plugins" -> listing(first, rest);
            case "doctor" -> rest.isEmpty() ? new Run("doctor", "")
                    : new UsageError("doctor takes no arguments, got '" + String.join(" ", rest) + "'");
            case "config" -> config(rest);
            // their commands parse the rest: the first word is the subcommand, a title may hold spaces
            case "sessions", "skills", "gateway", "pairing", "cron" -> new Run(first, String.join(" ", rest).strip());
            default -> new UsageError("unknown command '" + first + "': hermes --help lists the commands");
        };
    }

    private static Dispatch chat(List<String> arguments, List<String> queryFlags, String usage, boolean answerOnly) {
        ChatOptions.Parsed parsed;
        try {
            parsed = ChatOptions.parse(arguments, queryFlags, usage);
        } catch (IllegalArgumentException e) {
            return new UsageError(e.getMessage());
        }
        return parsed.query().<Dispatch>map(text -> new Query(parsed.options(), text, answerOnly))
                .orElseGet(() -> new Interactive(parsed.options()));
    }

    private static Dispatch approvals(List<String> rest) {
        String usage = "hermes approvals check \"COMMAND\" (or check --jsonl to read one JSON string per line)";
        if (rest.isEmpty() || !rest.get(0).equals("check")) {
            return new UsageError((rest.isEmpty() ? "missing subcommand" : "unknown argument '" + rest.get(0) + "'")
                    + ": " + usage);
        }
        List<String> command = rest.subList(1, rest.size());
        if (command.equals(List.of("--jsonl"))) {
            return new CheckApprovalsJsonl();
        }
        String text = String.join(" ", command);
        if (text.isBlank()) {
            return new UsageError("missing the command to check: " + usage);
        }
        // the command is everything after "check", as typed: `approvals check rm -rf x` checks "rm -rf x"
        return new Run("approvals", "check " + text);
    }

    private static Dispatch scan(List<String> rest) {
        String usage = "hermes scan [--scope all|context|strict] FILE|- (or --jsonl to read one JSON string per line)";
        String scope = "all";
        boolean jsonl = false;
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String argument = rest.get(i);
            if (argument.equals("--scope") || argument.startsWith("--scope=")) {
                if (argument.equals("--scope") && i + 1 == rest.size()) {
                    return new UsageError("--scope needs a value: " + usage);
                }
                scope = argument.equals("--scope") ? rest.get(++i) : argument.substring("--scope=".length());
                if (!SCAN_SCOPES.contains(scope)) {
                    return new UsageError("unknown scope '" + scope + "': use --scope all, context or strict");
                }
            } else if (argument.equals("--jsonl")) {
                jsonl = true;
            } else if (argument.startsWith("-") && !argument.equals("-")) {
                return new UsageError("unknown option '" + argument + "': " + usage);
            } else {
                sources.add(argument);
            }
        }
        if (jsonl) {
            return sources.isEmpty() ? new ScanJsonl(scope)
                    : new UsageError("--jsonl reads stdin, drop '" + String.join(" ", sources) + "': " + usage);
        }
        if (sources.size() != 1 || sources.get(0).isBlank()) {
            return new UsageError((sources.isEmpty() ? "missing the file to scan" : "one file at a time, got '"
                    + String.join(" ", sources) + "'") + ": " + usage);
        }
        return new Scan(scope, sources.get(0));
    }

    private static Dispatch listing(String command, List<String> rest) {
        if (rest.equals(List.of("list"))) {
            return new Run(command, "list");
        }
        return new UsageError(rest.isEmpty() ? "missing subcommand: hermes " + command + " list"
                : "unknown argument '" + String.join(" ", rest) + "': hermes " + command + " list");
    }

    private static Dispatch config(List<String> rest) {
        if (rest.isEmpty()) {
            return new UsageError("missing subcommand: hermes config path|show|set KEY VALUE");
        }
        String sub = rest.get(0);
        switch (sub) {
            case "path", "show" -> {
                return rest.size() == 1 ? new Run("config", sub)
                        : new UsageError("config " + sub + " takes no arguments");
            }
            case "set" -> {
                if (rest.size() < 3 || rest.get(1).isBlank()) {
                    return new UsageError("usage: hermes config set KEY VALUE");
                }
                // the value is everything after the key, as typed: `config set model a b` sets "a b"
                String value = String.join(" ", rest.subList(2, rest.size()));
                return new Run("config", "set " + rest.get(1) + " " + value);
            }
            default -> {
                return new UsageError("unknown argument '" + sub + "': hermes config path|show|set KEY VALUE");
            }
        }
    }
}
