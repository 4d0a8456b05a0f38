package hermes.runtime.internal.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import hermes.api.Event;
import hermes.api.MemoryStore;
import hermes.api.ToolSpec;
import hermes.runtime.internal.scanner.ContextFileFinder;
import hermes.runtime.internal.scanner.ScanResult;
import hermes.runtime.internal.scanner.Scope;
import hermes.runtime.internal.scanner.ThreatScanner;

/**
 * Assembles a conversation's system prompt from its tiers (reference §4, §5), in the order that keeps the provider's
 * prefix cache warm across sessions: the stable tier (identity from SOUL.md, tool guidance, environment, skills index),
 * the context tier (the project's context file), the volatile tier (the memory snapshot). Everything that reaches it
 * from disk has been through the threat scanner.
 */
final class SystemPrompt {

    private SystemPrompt() {
    }

    static String assemble(RuntimeSession session, List<ToolSpec> tools, String model) {
        RuntimeServices services = session.services();
        SessionSettings settings = session.settings();
        Path cwd = session.workingDirectory();
        StringBuilder prompt = new StringBuilder(PromptBuilder.systemPrompt(
                services.settings().home().root().resolve("SOUL.md"), tools, model, cwd,
                session.caller().platform(), LocalDate.now()));
        if (tools.stream().anyMatch(t -> t.name().equals("skill_view"))) {
            String index = PromptBuilder.skillsIndex(SkillIndex.select(services.skills().get(), tools,
                    settings.strings("skills.disabled"), warning -> session.emit(new Event.Notice(warning))));
            if (!index.isEmpty()) {
                prompt.append('\n').append(index);
            }
        }
        if (!settings.flag("agent.skip_context_files", false)) {
            ContextFileFinder.find(cwd).ifPresent(file -> prompt.append('\n').append(PromptBuilder.contextFile(
                    display(cwd, file.path()), file.text())));
        }
        return prompt.append(memorySnapshot(session)).toString();
    }

    private static String display(Path cwd, Path file) {
        Path absolute = cwd.toAbsolutePath().normalize();
        return file.startsWith(absolute) ? absolute.relativize(file).toString() : file.toString();
    }

    /** Reference §4: the stores as they are at the conversation's start; writes show up in the next one. */
    private static String memorySnapshot(RuntimeSession session) {
        Optional<MemoryStore> store = session.services().memory().get();
        SessionSettings settings = session.settings();
        if (store.isEmpty()) {
            return "";
        }
        try {
            List<String> memory = settings.flag("memory.memory_enabled", true)
                    ? store.get().read(MemoryStore.Target.MEMORY) : List.of();
            List<String> user = settings.flag("memory.user_profile_enabled", true)
                    ? store.get().read(MemoryStore.Target.USER) : List.of();
            return PromptBuilder.memorySnapshot(rescanned(memory, "MEMORY.md"),
                    settings.integer("memory.memory_char_limit", 2200), rescanned(user, "USER.md"),
                    settings.integer("memory.user_char_limit", 1375));
        } catch (IOException | RuntimeException e) {
            session.emit(new Event.Notice("memory is left out of this conversation: " + e.getMessage()));
            return "";
        }
    }

    /**
     * Reference §4: every entry is scanned again (strict) when the snapshot is taken; a poisoned one is replaced in the
     * snapshot only, so the user can still see and remove it.
     */
    private static List<String> rescanned(List<String> entries, String file) {
        return entries.stream().map(entry -> {
            ScanResult result = ThreatScanner.scan(entry, Scope.STRICT);
            return result.blocked() ? PromptBuilder.blockedMemoryEntry(file, result.ids()) : entry;
        }).toList();
    }
}
