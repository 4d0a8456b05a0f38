package hermes.plugin.cron.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Command;

/**
 * {@code hermes cron list|create|edit|pause|resume|run|remove}: the owner's side of the scheduler, the same actions as
 * the {@code cronjob} tool. Works whether or not the gateway runs; jobs run only while it does.
 *
 * <p>The rest of the line is parsed here. Quotes group words ({@code create "every 2h" "check the disk"}); without
 * them the schedule is recognised by its shape ({@code every 2h …}, five cron fields, or one word) and the rest up to
 * the first {@code --option} is the prompt; an option's value runs up to the next option.
 */
@Component(service = Command.class, property = "hermes.id=cron")
public final class CronCommand implements Command {

    static final String USAGE = """
            usage: cron list [--all]
                   cron create SCHEDULE PROMPT [--name NAME] [--deliver TARGET] [--repeat N] [--skill NAME]...
                   cron edit JOB [--schedule S] [--prompt P] [--name N] [--deliver T] [--repeat N] [--skill NAME]...\
             [--clear-skills]
                   cron pause JOB | resume JOB | run JOB | remove JOB""";
    private static final Set<String> FLAGS = Set.of("all", "clear-skills");
    private static final Set<String> OPTIONS = Set.of("name", "deliver", "repeat", "skill", "schedule", "prompt",
            "reason");

    private final CronHome home;

    @Activate
    public CronCommand(@Reference CronHome home) {
        this.home = home;
    }

    @Override
    public String name() {
        return "cron";
    }

    @Override
    public String description() {
        return "list, create, edit, pause, resume, run and remove scheduled jobs";
    }

    /** Chats get no job control: an authorised chat user must not change or remove the owner's jobs. */
    @Override
    public boolean cliOnly() {
        return true;
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        JobEditor editor = home.editor();
        try {
            Line line = Line.parse(arguments);
            String sub = line.positionals.isEmpty() ? "list" : line.positionals.getFirst();
            List<String> rest = line.positionals.isEmpty() ? List.of()
                    : line.positionals.subList(1, line.positionals.size());
            context.reply(switch (sub) {
                case "list", "ls" -> list(line);
                case "create", "add" -> created(editor.create(newJob(rest, line, context)));
                case "edit", "update" -> describe("Updated", editor.update(job(rest), changes(line)));
                case "pause" -> describe("Paused", editor.pause(job(rest), line.option("reason")));
                case "resume" -> describe("Resumed", editor.resume(job(rest)));
                case "run" -> describe("Due now (runs on the gateway's next tick, within a minute)",
                        editor.runNow(job(rest)));
                case "remove", "rm", "delete" -> describe("Removed", editor.remove(job(rest)));
                default -> throw new IllegalArgumentException("unknown subcommand '" + sub + "'");
            });
        } catch (IllegalArgumentException e) {
            context.reply(e.getMessage() + "\n" + USAGE);
        }
    }

    private JobEditor.NewJob newJob(List<String> words, Line line, Context context) {
        int scheduleWords = scheduleLength(words);
        if (words.size() <= scheduleWords) {
            throw new IllegalArgumentException("create needs a schedule and a prompt");
        }
        String schedule = String.join(" ", words.subList(0, scheduleWords));
        String prompt = String.join(" ", words.subList(scheduleWords, words.size()));
        return new JobEditor.NewJob(prompt, schedule, line.option("name"), line.number("repeat"),
                line.option("deliver"), line.skills().orElse(List.of()), Optional.empty(), Optional.empty(),
                List.of(), CronJobTool.origin(context.caller()));
    }

    private static JobEditor.Changes changes(Line line) {
        return new JobEditor.Changes(line.option("prompt"), line.option("schedule"), line.option("name"),
                line.number("repeat"), line.option("deliver"), line.skills(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** How many leading words are the schedule: {@code every 2h}, five cron fields, or one word. */
    static int scheduleLength(List<String> words) {
        if (words.size() >= 2 && words.getFirst().equalsIgnoreCase("every")) {
            return 2;
        }
        if (words.size() >= 5 && CronExpression.looksLikeCron(String.join(" ", words.subList(0, 5)))) {
            return 5;
        }
        return 1;
    }

    private String list(Line line) throws IOException {
        boolean all = line.flags.contains("all");
        List<CronJob> jobs = home.store().jobs().stream().filter(job -> all || job.enabled()).toList();
        if (jobs.isEmpty()) {
            return all ? "No cron jobs." : "No active cron jobs (cron list --all shows paused and completed ones).";
        }
        StringBuilder out = new StringBuilder();
        for (CronJob job : jobs) {
            out.append(job.id()).append("  ").append(job.name()).append('\n')
                    .append("    schedule: ").append(job.scheduleDisplay()).append("  repeat: ")
                    .append(JobSummary.repeat(job)).append("  state: ").append(job.state()).append('\n')
                    .append("    next run: ").append(job.text(CronJob.NEXT_RUN_AT).orElse("-"))
                    .append("  deliver: ").append(job.deliver()).append('\n');
            job.text(CronJob.LAST_STATUS).ifPresent(status -> out.append("    last run: ")
                    .append(job.text(CronJob.LAST_RUN_AT).orElse("?")).append(' ').append(status).append('\n'));
            job.text(CronJob.LAST_ERROR).ifPresent(error -> out.append("    last error: ").append(error).append('\n'));
            job.text(CronJob.LAST_DELIVERY_ERROR).ifPresent(error -> out.append("    last delivery error: ")
                    .append(error).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    private static String created(CronJob job) {
        return "Created job " + job.id() + " '" + job.name() + "': " + job.scheduleDisplay() + ", next run "
                + job.text(CronJob.NEXT_RUN_AT).orElse("-") + ", delivers to " + job.deliver() + ".";
    }

    private static String describe(String what, CronJob job) {
        return what + ": " + job.id() + " '" + job.name() + "' (" + job.scheduleDisplay() + ", " + job.state() + ").";
    }

    private static String job(List<String> words) {
        if (words.size() != 1) {
            throw new IllegalArgumentException(words.isEmpty() ? "which job? give its id (cron list shows them)"
                    : "give one job id, got '" + String.join(" ", words) + "'");
        }
        return words.getFirst();
    }

    /** The words of the line: positionals before the first option, then options and flags. */
    private record Line(List<String> positionals, Map<String, List<String>> options, Set<String> flags) {

        static Line parse(String text) {
            List<String> positionals = new ArrayList<>();
            Map<String, List<String>> options = new LinkedHashMap<>();
            Set<String> flags = new HashSet<>();
            String current = null;
            for (String word : words(text)) {
                if (word.startsWith("--") && word.length() > 2) {
                    String name = word.substring(2);
                    if (FLAGS.contains(name)) {
                        flags.add(name);
                        current = null;
                    } else if (OPTIONS.contains(name)) {
                        current = name;
                        options.computeIfAbsent(name, key -> new ArrayList<>()).add("");
                    } else {
                        throw new IllegalArgumentException("unknown option '" + word + "'");
                    }
                } else if (current == null) {
                    positionals.add(word);
                } else {
                    List<String> values = options.get(current);
                    String last = values.removeLast();
                    values.add(last.isEmpty() ? word : last + " " + word);
                }
            }
            return new Line(positionals, options, flags);
        }

        Optional<String> option(String name) {
            List<String> values = options.getOrDefault(name, List.of());
            if (!values.isEmpty() && values.getLast().isEmpty()) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            return values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
        }

        Optional<Long> number(String name) {
            return option(name).map(value -> {
                try {
                    return Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
                }
            });
        }

        /** {@code --skill a --skill b} or {@code --skill a,b}; {@code --clear-skills} gives an empty list. */
        Optional<List<String>> skills() {
            if (flags.contains("clear-skills")) {
                return Optional.of(List.of());
            }
            List<String> skills = options.getOrDefault("skill", List.of()).stream()
                    .flatMap(value -> Arrays.stream(value.split("[,\\s]+"))).filter(s -> !s.isEmpty()).toList();
            return skills.isEmpty() ? Optional.empty() : Optional.of(skills);
        }

        /** Splits on spaces, keeping quoted words ("…" or '…', opened at the start of a word) together. */
        static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            char quote = 0;
            boolean inWord = false;
            for (char c : text.toCharArray()) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if ((c == '"' || c == '\'') && !inWord) {
                    // only a word may start with a quote, so "the server's disk" keeps its apostrophe
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException("a quote is not closed: " + text);
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
