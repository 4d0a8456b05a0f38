package hermes.plugin.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Command;

/**
 * The slash commands the CLI can run now: every tracked {@link Command} service plus the CLI's own ({@code /help},
 * {@code /quit}). Commands come and go with plugins, so every look-up reads the current set; nothing is cached.
 *
 * <p>Threading: DS adds and removes on its threads while the CLI thread reads; all methods are thread-safe.
 */
final class CommandCatalog {

    /** The commands the CLI answers itself; they win over a service of the same name. */
    static final List<Entry> OWN = List.of(
            new Entry("help", List.of(), "list the commands"),
            new Entry("quit", List.of("exit"), "leave Hermes"));

    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();

    /**
     * One line of {@code /help}, and what tab completion offers.
     *
     * @param name the name without the slash
     * @param aliases other names, without the slash
     * @param description one line
     */
    record Entry(String name, List<String> aliases, String description) {
        Entry {
            aliases = List.copyOf(aliases);
        }

        /** The name and every alias. */
        List<String> names() {
            List<String> all = new ArrayList<>(aliases.size() + 1);
            all.add(name);
            all.addAll(aliases);
            return all;
        }
    }

    void add(Command command) {
        commands.add(command);
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    void remove(Command command) {
        commands.remove(command);
    }

    /** Whether {@code name} is one of the CLI's own commands (or their aliases). */
    static boolean isOwn(String name) {
        return OWN.stream().anyMatch(entry -> entry.names().contains(name));
    }

    /** The tracked command called {@code name}, by name first, then by alias. */
    Optional<Command> find(String name) {
        List<Command> now = List.copyOf(commands);
        return now.stream().filter(c -> c.name().equals(name)).findFirst()
                .or(() -> now.stream().filter(c -> c.aliases().contains(name)).findFirst());
    }

    /**
     * Like {@link #find}, but waits up to {@code timeout} for the command to be registered: bundles start in order, so
     * a one-shot may run before the runtime's commands are there.
     */
    Optional<Command> await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                Optional<Command> command = find(name);
                long left = deadline - System.nanoTime();
                if (command.isPresent() || left <= 0) {
                    return command;
                }
                // wakes on every add; the cap also covers a service bound between find and wait
                changed.wait(Math.max(1, Math.min(left / 1_000_000, 50)));
            }
        }
    }

    /** The CLI's own commands and the tracked ones, sorted by name; a tracked one shadowed by an own name is left out. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(OWN);
        for (Command command : List.copyOf(commands)) {
            if (!isOwn(command.name())) {
                entries.add(new Entry(command.name(), command.aliases(), command.description()));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /** The {@code /help} text: one line per command, {@code /name, /alias} padded to one column, then the description. */
    static String help(List<Entry> entries) {
        List<String> heads = entries.stream()
                .map(e -> String.join(", ", e.names().stream().map(n -> "/" + n).toList())).toList();
        int width = heads.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            String head = heads.get(i);
            text.append("  ").append(head).append(" ".repeat(width - head.length() + 2))
                    .append(entries.get(i).description()).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
