package hermes.plugin.skills.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import hermes.api.Command;

/**
 * Keeps one {@link SkillSlashCommand} registered per skill: new skills get a command, removed skills lose theirs, a
 * changed description re-registers. A name another command already has (a built-in like {@code /model}, a plugin's)
 * is skipped, so a skill never hides a command.
 *
 * <p>Threading: any thread; publications are serialized.
 */
final class SkillCommands {

    /** Marks our registrations, so the clash check does not count them as others. */
    static final String SKILL_PROPERTY = "hermes.skill";
    /** The CLI answers these itself. */
    private static final Set<String> RESERVED = Set.of("help", "quit", "exit");

    /** Where commands are registered: the OSGi service registry in the runtime. */
    interface Registry {
        Registration register(Command command, Map<String, Object> properties);

        /** The names and aliases of every command not registered here. */
        Set<String> otherCommandNames();
    }

    /** One registered command. */
    interface Registration {
        void unregister();
    }

    private record Registered(Registration registration, String description) {
    }

    private final Registry registry;
    private final SkillLibrary library;
    private final Map<String, Registered> registered = new HashMap<>();
    private boolean closed;

    SkillCommands(Registry registry, SkillLibrary library) {
        this.registry = registry;
        this.library = library;
    }

    synchronized void publish(List<Skill> skills) {
        if (closed) {
            return;
        }
        Map<String, Skill> wanted = new HashMap<>();
        for (Skill skill : skills) {
            wanted.putIfAbsent(SkillSlashCommand.commandName(skill.name()), skill);
        }
        registered.entrySet().removeIf(entry -> {
            Skill skill = wanted.get(entry.getKey());
            boolean stale = skill == null || !skill.description().equals(entry.getValue().description());
            if (stale) {
                entry.getValue().registration().unregister();
            }
            return stale;
        });
        Set<String> others = null;
        for (Map.Entry<String, Skill> entry : wanted.entrySet()) {
            String name = entry.getKey();
            if (registered.containsKey(name) || RESERVED.contains(name) || name.isEmpty()) {
                continue;
            }
            if (others == null) {
                others = registry.otherCommandNames();
            }
            if (others.contains(name)) {
                continue;
            }
            Skill skill = entry.getValue();
            Registration registration = registry.register(new SkillSlashCommand(name, skill, library),
                    Map.of(SKILL_PROPERTY, skill.name(), "hermes.id", "skill:" + name));
            registered.put(name, new Registered(registration, skill.description()));
        }
    }

    synchronized void close() {
        closed = true;
        registered.values().forEach(entry -> entry.registration().unregister());
        registered.clear();
    }
}
