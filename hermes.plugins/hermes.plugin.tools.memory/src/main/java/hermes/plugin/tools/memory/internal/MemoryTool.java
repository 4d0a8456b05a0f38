package hermes.plugin.tools.memory.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.MemoryStore;
import hermes.api.MemoryStore.Target;
import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/**
 * {@code memory}: adds, replaces and removes entries of the agent's notes ({@code target=memory}) and of the user
 * profile ({@code target=user}), within the character limits {@value MemoryLimits#MEMORY_KEY} and
 * {@value MemoryLimits#USER_KEY} of the session's configuration. Results are the original's JSON objects.
 *
 * <p>Each call reads the store, applies the edit and writes it back. Calls through this tool take turns per store, so
 * the sessions of this runtime never collide. When another writer (another process on the same home) wrote in between,
 * the store refuses the write and the call starts over on the new entries after a short random pause, up to
 * {@value #ATTEMPTS} times.
 */
@Component(service = Tool.class)
public final class MemoryTool implements Tool {

    /** Reads and writes per call before giving up on a store that keeps changing under it. */
    static final int ATTEMPTS = 10;
    /** The longest pause before a new attempt; random, so two colliding writers stop colliding. */
    private static final int MAX_PAUSE_MILLIS = 20;

    private static final ToolSpec SPEC = ToolSpec.of("memory", "memory", """
            Save durable facts to your persistent memory, which is shown to you at the start of every future session \
            (not this one: changes take effect next session). Two stores: 'memory' for your own notes (environment \
            facts, project conventions, tool quirks, lessons learned) and 'user' for what you know about the user \
            (preferences, communication style, identity, habits). Save what will matter again: a correction, a \
            preference the user stated, a fact you had to discover. Do not save task progress or things that are \
            easy to look up again. Both stores have character limits; when one is full, merge entries with replace \
            or drop stale ones with remove. Actions: add (content), replace (old_text = a short unique part of the \
            entry, content = the new entry), remove (old_text).""", """
            {"type":"object","properties":{\
            "action":{"type":"string","enum":["add","replace","remove"],"description":"what to do"},\
            "target":{"type":"string","enum":["memory","user"],\
            "description":"'memory' for your notes, 'user' for the user profile"},\
            "content":{"type":"string","description":"the entry to add, or the new text of the replaced entry"},\
            "old_text":{"type":"string",\
            "description":"replace/remove: a short part of the entry that no other entry contains"}},\
            "required":["action","target"]}""");

    private static final String REMEDIATION = "Open the .bak file, add the missing entries back one at a time with "
            + "memory(action=add, content=...), then rewrite or remove the original file so it is a clean list.";

    private final MemoryStore store;
    private final Map<Target, ReentrantLock> turns = new EnumMap<>(Map.of(
            Target.MEMORY, new ReentrantLock(), Target.USER, new ReentrantLock()));

    @Activate
    public MemoryTool(@Reference MemoryStore store) {
        this.store = store;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    /** It changes the agent's own memory, not the world; the runtime's scanner still sees every call. */
    @Override
    public boolean isMutating(ToolCall call) {
        return false;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
        Map<String, Object> arguments;
        MemoryLimits limits;
        try {
            arguments = call.parsedArguments();
            limits = MemoryLimits.from(context.config(MemoryLimits.MEMORY_KEY), context.config(MemoryLimits.USER_KEY));
        } catch (IllegalArgumentException e) {
            return failure(e.getMessage());
        }
        String targetName = text(arguments, "target").orElse("memory");
        Target target;
        switch (targetName) {
            case "memory" -> target = Target.MEMORY;
            case "user" -> target = Target.USER;
            default -> {
                return failure("Invalid target '" + targetName + "'. Use 'memory' or 'user'.");
            }
        }
        Optional<String> action = text(arguments, "action");
        Optional<String> content = text(arguments, "content").filter(value -> !value.isEmpty());
        Optional<String> oldText = text(arguments, "old_text").filter(value -> !value.isEmpty());
        if (action.isEmpty() || !List.of("add", "replace", "remove").contains(action.get())) {
            return failure("Unknown action '" + action.orElse("") + "'. Use: add, replace, remove");
        }
        if (content.isEmpty() && action.get().equals("add")) {
            return failure("Content is required for 'add' action. Pass the fact to remember as content.");
        }
        if (content.isEmpty() && action.get().equals("replace") && oldText.isPresent()) {
            return failure("content is required for 'replace' action: pass the new text of the entry, or use "
                    + "'remove' to delete it.");
        }
        ReentrantLock turn = turns.get(target);
        turn.lockInterruptibly();
        try {
            return edit(target, targetName, limits.of(target), action.get(), content.orElse(""), oldText);
        } finally {
            turn.unlock();
        }
    }

    private ToolResult edit(Target target, String targetName, int limit, String action, String content,
                            Optional<String> oldText) throws InterruptedException {
        try {
            for (int attempt = 1; ; attempt++) {
                MemoryEdits edits = new MemoryEdits(targetName, store.read(target), limit);
                MemoryEdits.Outcome outcome = switch (action) {
                    case "add" -> edits.add(content);
                    case "replace" -> oldText.map(old -> edits.replace(old, content))
                            .orElseGet(() -> edits.missingOldText(action));
                    default -> oldText.map(edits::remove).orElseGet(() -> edits.missingOldText(action));
                };
                try {
                    if (outcome.write().isPresent()) {
                        store.write(target, outcome.write().get());
                    }
                    return result(outcome.success(), outcome.result());
                } catch (MemoryConflictException e) {
                    if (attempt == ATTEMPTS) {
                        return failure("Memory was changed by another process " + ATTEMPTS + " times while saving "
                                + "this edit; nothing was saved. Retry the call.");
                    }
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, MAX_PAUSE_MILLIS + 1));
                }
            }
        } catch (MemoryDriftException e) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("success", false);
            result.put("error", e.getMessage());
            result.put("drift_backup", e.backup().toString());
            result.put("remediation", REMEDIATION);
            return result(false, result);
        } catch (IOException | IllegalArgumentException e) {
            return failure("Could not update the " + targetName + " store: " + e.getMessage()
                    + ". Nothing was saved; fix the cause and retry.");
        }
    }

    private static Optional<String> text(Map<String, Object> arguments, String key) {
        return Optional.ofNullable(arguments.get(key)).map(String::valueOf);
    }

    private static ToolResult failure(String error) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", error);
        return result(false, result);
    }

    private static ToolResult result(boolean success, Map<String, Object> result) {
        String json = MemoryJson.write(result);
        return success ? ToolResult.ok(json) : ToolResult.error(json);
    }
}
