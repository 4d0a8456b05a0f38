package hermes.plugin.gateway.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import hermes.api.Command;

/**
 * The slash commands registered by every bundle, as chats may use them: {@code cliOnly} commands are left out. A
 * command is looked at only when a chat uses one (its service is fetched then), so this bundle's own commands, which
 * need the gateway, never form a cycle with it.
 *
 * <p>Threading: any thread.
 */
final class CommandCatalog {

    private static final System.Logger LOG = System.getLogger(CommandCatalog.class.getName());

    private final ConcurrentMap<Object, Supplier<Optional<Command>>> registered = new ConcurrentHashMap<>();

    /** Adds a command under {@code key} (its service reference); {@code command} fetches it when first needed. */
    void add(Object key, Supplier<Optional<Command>> command) {
        registered.put(key, command);
    }

    void remove(Object key) {
        registered.remove(key);
    }

    /** The chat command called {@code name} (or with that alias). */
    Optional<Command> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return available().stream().filter(command -> command.name().equalsIgnoreCase(wanted)
                || command.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(wanted))).findFirst();
    }

    /** Every chat command, by name. */
    List<Command> available() {
        List<Command> commands = new ArrayList<>();
        for (Supplier<Optional<Command>> supplier : registered.values()) {
            try {
                supplier.get().filter(command -> !command.cliOnly()).ifPresent(commands::add);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a command service failed to load: " + e);
            }
        }
        commands.sort(Comparator.comparing(Command::name));
        return commands;
    }
}
