package hermes.runtime.internal.commands;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.Command;
import hermes.api.MemoryStore;
import hermes.runtime.internal.config.Settings;

/**
 * {@code /memory}: both memory stores as they are on disk now, with their usage against the limits (reference §4). The
 * running conversation's prompt keeps the snapshot taken at its start; what is shown here is what the next one gets.
 */
@Component(service = Command.class)
public final class MemoryCommand implements Command {

    private final Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MemoryStore store;

    @Activate
    public MemoryCommand(@Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "show what Hermes remembers (MEMORY.md, USER.md) and how full each store is";
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        if (!arguments.isBlank()) {
            throw new IllegalArgumentException("unknown argument '" + arguments + "': /memory takes none (the agent"
                    + " edits memory with its memory tool; the files are in memories/ under HERMES_HOME)");
        }
        MemoryStore memory = store;
        if (memory == null) {
            throw new IllegalStateException("no memory store is installed (hermes plugins list shows the plugins)");
        }
        String text = describe("MEMORY (agent notes, MEMORY.md)", memory.read(MemoryStore.Target.MEMORY),
                limit("memory.memory_char_limit", 2200))
                + "\n\n" + describe("USER PROFILE (USER.md)", memory.read(MemoryStore.Target.USER),
                limit("memory.user_char_limit", 1375));
        context.reply(text);
    }

    private int limit(String key, int fallback) throws IOException {
        return settings.config().get(key).map(String::valueOf).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    /** A header with the usage as the prompt measures it (entries joined by the delimiter), then numbered entries. */
    static String describe(String title, List<String> entries, int limit) {
        String joined = String.join("\n§\n", entries);
        int used = joined.codePointCount(0, joined.length());
        int percent = limit <= 0 ? 0 : (int) Math.min(100, used * 100L / limit);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s — %d%% · %,d/%,d chars · %d %s",
                title, percent, used, limit, entries.size(), entries.size() == 1 ? "entry" : "entries"));
        if (entries.isEmpty()) {
            text.append("\n  (empty)");
        }
        for (int i = 0; i < entries.size(); i++) {
            text.append(String.format(Locale.ROOT, "%n  %d. %s", i + 1, entries.get(i).replace("\n", "\n     ")));
        }
        return text.toString();
    }
}
