package hermes.plugin.skills.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.plugin.skills.internal.guard.ScanReport;
import hermes.plugin.skills.internal.guard.SkillGuard;
import hermes.plugin.skills.internal.guard.Verdict;

/**
 * {@code /skills} (and {@code hermes skills …}): list, view, install, audit, and the revision history of skills with
 * diff and revert.
 */
@Component(service = Command.class, property = "hermes.id=skills")
public final class SkillsCommand implements Command {

    static final String USAGE = """
            usage: skills list | view <name> | install <dir|url> [--force] [--category <folder>] | audit [name] \
            | history <name> | diff <name> <revision> | revert <name> <revision> [reason]""";

    private final SkillLibrary library;
    private final SkillInstaller installer;

    @Activate
    public SkillsCommand(@Reference SkillLibrary library) {
        this.library = library;
        this.installer = new SkillInstaller(library);
    }

    @Override
    public String name() {
        return "skills";
    }

    @Override
    public String description() {
        return "list, view, install and audit skills; history, diff and revert of their revisions";
    }

    @Override
    public void run(String arguments, Context context) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(Arrays.asList(arguments.strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        String subcommand = words.isEmpty() ? "list" : words.removeFirst();
        context.reply(switch (subcommand) {
            case "list" -> SkillTables.list(library.listing(), bundledManifest());
            case "view" -> view(one(words, "view <name>"));
            case "install" -> install(words, context.caller());
            case "audit" -> audit(words.isEmpty() ? Optional.empty() : Optional.of(one(words, "audit [name]")));
            case "history" -> history(one(words, "history <name>"));
            case "diff" -> diff(words);
            case "revert" -> revert(words, context.caller());
            case "help" -> USAGE;
            default -> throw new IllegalArgumentException("unknown subcommand '" + subcommand + "'; " + USAGE);
        });
    }

    private String view(String name) throws IOException {
        Skill skill = require(name);
        StringBuilder text = new StringBuilder(Files.readString(skill.file(), StandardCharsets.UTF_8).strip())
                .append("\n\nlocation: ").append(skill.directory());
        Map<String, List<String>> linked = SkillViewTool.linkedFiles(skill.directory());
        if (!linked.isEmpty()) {
            text.append("\nlinked files: ").append(String.join(", ", linked.values().stream()
                    .flatMap(List::stream).toList()));
        }
        return text.toString();
    }

    private String install(List<String> words, Caller caller) throws IOException, InterruptedException {
        requireTrusted(caller, "install skills");
        boolean force = words.remove("--force");
        Optional<String> category = Optional.empty();
        int flag = words.indexOf("--category");
        if (flag >= 0) {
            if (flag + 1 >= words.size()) {
                throw new IllegalArgumentException("--category needs a folder name, e.g. --category devops");
            }
            category = Optional.of(words.get(flag + 1));
            words.subList(flag, flag + 2).clear();
        }
        return installer.install(one(words, "install <dir|url> [--force] [--category <folder>]"), force, category,
                Actor.user(caller, Optional.empty()));
    }

    private String audit(Optional<String> name) throws IOException {
        List<Skill> skills = name.isPresent() ? List.of(require(name.get())) : library.listing().skills();
        Map<String, String> bundled = bundledManifest();
        Map<String, Map<String, Object>> hub = installer.lock().installed();
        StringBuilder text = new StringBuilder();
        int[] counts = new int[Verdict.values().length];
        for (Skill skill : skills) {
            ScanReport report = new ScanReport(skill.name(), SkillGuard.scanDirectory(skill.directory()).findings());
            counts[report.verdict().ordinal()]++;
            String trust = bundled.containsKey(skill.name()) ? "builtin" : hub.containsKey(skill.name())
                    ? "community" : skill.origin() == Skill.Origin.EXTERNAL ? "external" : "local";
            text.append(report.format().replaceFirst("^" + java.util.regex.Pattern.quote(skill.name()),
                    skill.name() + " [" + trust + "]")).append('\n');
        }
        return text.append(skills.size()).append(skills.size() == 1 ? " skill audited: " : " skills audited: ")
                .append(counts[Verdict.SAFE.ordinal()]).append(" safe, ").append(counts[Verdict.CAUTION.ordinal()])
                .append(" caution, ").append(counts[Verdict.DANGEROUS.ordinal()]).append(" dangerous").toString();
    }

    private String history(String name) throws IOException {
        return SkillTables.history(name, library.revisions().history(name));
    }

    private String diff(List<String> words) throws IOException {
        if (words.size() != 2) {
            throw new IllegalArgumentException("diff needs a skill and a revision number: skills diff <name> <rev>"
                    + " (skills history <name> lists the numbers)");
        }
        Revision revision = library.revisions().find(words.get(0), number(words.get(1)))
                .orElseThrow(() -> new IllegalArgumentException("skill '" + words.get(0) + "' has no revision "
                        + words.get(1) + "; list them with: skills history " + words.get(0)));
        return "revision " + revision.number() + " of " + revision.skill() + ": " + revision.action() + " of "
                + revision.file() + " by " + revision.author() + " at " + SkillTables.WHEN.format(revision.at())
                + revision.reason().map(reason -> " — " + reason).orElse("") + "\n"
                + (revision.diff().isEmpty() ? "(no change)" : revision.diff().stripTrailing());
    }

    private String revert(List<String> words, Caller caller) throws IOException {
        requireTrusted(caller, "revert skills");
        if (words.size() < 2) {
            throw new IllegalArgumentException("revert needs a skill and a revision number: skills revert <name>"
                    + " <rev> [reason] (skills history <name> lists the numbers)");
        }
        String reason = String.join(" ", words.subList(2, words.size()));
        return library.editor().revert(words.get(0), number(words.get(1)),
                Actor.user(caller, Optional.of(reason))).message();
    }

    private Skill require(String name) throws IOException {
        return library.find(name).orElseThrow(() -> new IllegalArgumentException("no skill named '" + name
                + "'; skills list shows the installed skills"));
    }

    private Map<String, String> bundledManifest() throws IOException {
        return BundledSkills.readManifest(library.home().bundledManifest());
    }

    private static String one(List<String> words, String usage) {
        if (words.size() != 1) {
            throw new IllegalArgumentException("expected: skills " + usage);
        }
        return words.getFirst();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.startsWith("r") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a revision number; skills history <name>"
                    + " lists them");
        }
    }

    /** Changes through a messaging surface need a user the gateway trusts; webhooks and cron never change skills. */
    private static void requireTrusted(Caller caller, String what) {
        if (caller.trust() == Caller.Trust.UNTRUSTED || caller.trust() == Caller.Trust.SCHEDULED) {
            throw new IllegalArgumentException("only the owner or an authorized user can " + what + "; run it from"
                    + " the CLI");
        }
    }
}
