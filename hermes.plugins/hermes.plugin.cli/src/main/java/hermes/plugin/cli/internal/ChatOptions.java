package hermes.plugin.cli.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import hermes.api.Caller;
import hermes.api.SessionSpec;

/**
 * The chat flags of {@code hermes chat}, {@code hermes -z} and the shell: which model, which tools, how much autonomy,
 * how much output.
 *
 * @param model {@code -m/--model}, as typed
 * @param provider {@code --provider}
 * @param toolsets {@code -t/--toolsets a,b}; empty for the CLI's default
 * @param yolo {@code --yolo}: dangerous commands run without asking
 * @param maxTurns {@code --max-turns N}: the step limit of one turn
 * @param quiet {@code -Q/--quiet}: no tool progress lines
 * @param resume {@code -c/--continue [NAME]} (the last session, or the named one) or {@code -r/--resume ID|TITLE}
 * @param saveTrajectories {@code --save-trajectories}: each turn's conversation appended as ShareGPT JSONL
 */
record ChatOptions(Optional<String> model, Optional<String> provider, List<String> toolsets, boolean yolo,
                   OptionalInt maxTurns, boolean quiet, Optional<String> resume, boolean saveTrajectories) {

    /** The settings keys the flags override, as {@code config.yaml} names them. */
    static final String YOLO = "approvals.yolo";
    static final String MAX_TURNS = "agent.max_turns";
    static final String PROVIDER = "model.provider";
    static final String SAVE_TRAJECTORIES = "agent.save_trajectories";
    /** What {@code -c} without a name resumes: the runtime's word for the most recent session. */
    static final String LAST_SESSION = "last";

    static final ChatOptions DEFAULTS = new ChatOptions(Optional.empty(), Optional.empty(), List.of(), false,
            OptionalInt.empty(), false, Optional.empty(), false);

    ChatOptions {
        toolsets = List.copyOf(toolsets);
    }

    /** These options continuing the stored session {@code target}. */
    ChatOptions withResume(String target) {
        return new ChatOptions(model, provider, toolsets, yolo, maxTurns, quiet, Optional.of(target), saveTrajectories);
    }

    /**
     * The session these flags ask for. {@code --provider p -m m} is the model {@code p:m} (the {@code /model} syntax);
     * {@code --provider} alone leaves the model to the runtime and names the provider in the settings, since only the
     * runtime knows a provider's default model.
     */
    SessionSpec spec() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (yolo) {
            settings.put(YOLO, "true");
        }
        maxTurns.ifPresent(n -> settings.put(MAX_TURNS, Integer.toString(n)));
        if (saveTrajectories) {
            settings.put(SAVE_TRAJECTORIES, "true");
        }
        Optional<String> fullModel = model.map(m -> provider.map(p -> p + ":" + m).orElse(m));
        if (model.isEmpty()) {
            provider.ifPresent(p -> settings.put(PROVIDER, p));
        }
        return new SessionSpec(Caller.localUser(), fullModel, toolsets, resume, Optional.empty(), 0,
                settings, Optional.empty());
    }

    /**
     * The chat flags and the message of one command line.
     *
     * @param query the message given with the query flag, if any
     */
    record Parsed(ChatOptions options, Optional<String> query) {
    }

    /**
     * Parses chat flags ({@code --name value} or {@code --name=value}); a later flag wins over an earlier one.
     *
     * @param queryFlags the flags that carry the message here ({@code -q}/{@code --query} for {@code hermes chat},
     *     {@code -z} at the top level)
     * @param usage how the message is given here, for error messages ({@code hermes chat -q "…"})
     * @throws IllegalArgumentException for a wrong command line; the message names the problem and the fix
     */
    static Parsed parse(List<String> arguments, List<String> queryFlags, String usage) {
        Optional<String> model = Optional.empty();
        Optional<String> provider = Optional.empty();
        List<String> toolsets = List.of();
        boolean yolo = false;
        OptionalInt maxTurns = OptionalInt.empty();
        boolean quiet = false;
        Optional<String> resume = Optional.empty();
        boolean saveTrajectories = false;
        Optional<String> query = Optional.empty();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            int equals = argument.startsWith("--") ? argument.indexOf('=') : -1;
            String flag = equals < 0 ? argument : argument.substring(0, equals);
            Optional<String> inline = equals < 0 ? Optional.empty() : Optional.of(argument.substring(equals + 1));
            if (queryFlags.contains(flag)) {
                String text = value(flag, inline, arguments, i, "\"your message\"");
                if (text.isBlank()) {
                    throw new IllegalArgumentException("the message after " + flag + " is empty: " + usage);
                }
                query = Optional.of(text);
            } else {
                switch (flag) {
                    case "-m", "--model" -> model = Optional.of(nonBlank(flag, value(flag, inline, arguments, i,
                            "MODEL"), "a model name, for example -m anthropic/claude-sonnet-4"));
                    case "--provider" -> provider = Optional.of(nonBlank(flag, value(flag, inline, arguments, i,
                            "NAME"), "a provider name, for example --provider openrouter"));
                    case "-t", "--toolsets" -> toolsets = toolsets(flag, value(flag, inline, arguments, i, "a,b"));
                    case "--max-turns" -> maxTurns = OptionalInt.of(positive(flag, value(flag, inline, arguments, i,
                            "N")));
                    case "--yolo" -> yolo = noValue(flag, inline);
                    case "-Q", "--quiet" -> quiet = noValue(flag, inline);
                    case "--save-trajectories" -> saveTrajectories = noValue(flag, inline);
                    case "-r", "--resume" -> resume = Optional.of(nonBlank(flag, value(flag, inline, arguments, i,
                            "ID|TITLE"), "a session id or title (hermes sessions list shows them)"));
                    case "-c", "--continue" -> {
                        // the name is optional: `hermes -c` continues the last session, `hermes -c "Taxes"` that one
                        boolean named = inline.isPresent() || (i + 1 < arguments.size()
                                && !arguments.get(i + 1).startsWith("-"));
                        resume = Optional.of(named ? nonBlank(flag, value(flag, inline, arguments, i, "NAME"),
                                "a session title") : LAST_SESSION);
                        if (named && inline.isEmpty()) {
                            i++;
                        }
                    }
                    default -> throw new IllegalArgumentException(unknown(argument, queryFlags, usage));
                }
            }
            if (inline.isEmpty() && takesValue(flag, queryFlags)) {
                i++;
            }
        }
        return new Parsed(new ChatOptions(model, provider, toolsets, yolo, maxTurns, quiet, resume,
                saveTrajectories), query);
    }

    private static boolean takesValue(String flag, List<String> queryFlags) {
        return queryFlags.contains(flag) || switch (flag) {
            case "-m", "--model", "--provider", "-t", "--toolsets", "--max-turns", "-r", "--resume" -> true;
            default -> false;
        };
    }

    private static String value(String flag, Optional<String> inline, List<String> arguments, int index,
                                String example) {
        if (inline.isPresent()) {
            return inline.get();
        }
        if (index + 1 >= arguments.size()) {
            throw new IllegalArgumentException(flag + " needs a value: " + flag + " " + example);
        }
        return arguments.get(index + 1);
    }

    private static boolean noValue(String flag, Optional<String> inline) {
        if (inline.isPresent()) {
            throw new IllegalArgumentException(flag + " takes no value, got '" + inline.get() + "': write " + flag
                    + " alone");
        }
        return true;
    }

    private static String nonBlank(String flag, String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(flag + " is empty: give it " + what);
        }
        return value.strip();
    }

    private static List<String> toolsets(String flag, String value) {
        List<String> names = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(flag + " names no toolset: give a comma-separated list, for example "
                    + flag + " terminal,file");
        }
        return names;
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the fix
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, got '" + value + "': for example "
                + flag + " 30");
    }

    private static String unknown(String argument, List<String> queryFlags, String usage) {
        if (!argument.startsWith("-")) {
            return "unexpected argument '" + argument + "': quote the whole message, " + usage;
        }
        if ((argument.equals("-q") || argument.equals("--query")) && !queryFlags.contains(argument)) {
            return argument + " belongs to hermes chat: hermes chat -q \"your message\" (or hermes -z \"your message\""
                    + " for the answer alone)";
        }
        return "unknown option '" + argument + "': the chat options are -m/--model, --provider, -t/--toolsets,"
                + " --yolo, --max-turns N, -Q/--quiet, -c/--continue [TITLE], -r/--resume ID|TITLE, --save-trajectories";
    }
}
