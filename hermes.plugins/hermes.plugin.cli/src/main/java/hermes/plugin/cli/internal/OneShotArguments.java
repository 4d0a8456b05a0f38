package hermes.plugin.cli.internal;

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

    private OneShotArguments() {
    }

    /** What the command line asks for. */
    sealed interface Dispatch {
    }

    /** No arguments: the interactive shell. */
    record Interactive() implements Dispatch {
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
            return new Interactive();
        }
        String first = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        return switch (first) {
            case "tools", "plugins" -> listing(first, rest);
            case "doctor" -> rest.isEmpty() ? new Run("doctor", "")
                    : new UsageError("doctor takes no arguments, got '" + String.join(" ", rest) + "'");
            case "config" -> config(rest);
            default -> new UsageError(first.startsWith("-") ? "unknown option '" + first + "'"
                    : "unknown command '" + first + "'");
        };
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
