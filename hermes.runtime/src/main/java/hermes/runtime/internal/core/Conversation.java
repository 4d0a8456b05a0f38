package hermes.runtime.internal.core;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.SessionStore;
import hermes.api.ToolSpec;
import hermes.api.Usage;

/**
 * The history of one conversation and what is frozen for its lifetime: the system prompt and the tool list, both taken
 * at its first turn (DESIGN §4). A turn works on a copy and {@link #commit}s whole; an interrupted turn leaves nothing.
 *
 * <p>Threading: used by the session's own thread; readers on other threads see a consistent copy.
 */
final class Conversation {

    private final String id;
    private final Optional<String> parentId;
    private final Instant startedAt = Instant.now();
    private final List<Message> history = new ArrayList<>();
    /** The title the stored session gets when it is first written (a compaction carries its parent's on). */
    private final Optional<String> title;
    private String systemPrompt;
    private List<ToolSpec> tools;
    private Usage usage = Usage.NONE;
    private boolean stored;
    /** The prompt the store holds for this conversation (a resumed one's), reused instead of building a new one. */
    private Optional<String> storedPrompt = Optional.empty();
    /** Whether the store holds {@link #systemPrompt}. */
    private boolean promptSaved;
    /** The size of the last request the model answered, as it reported it; what compaction is measured against. */
    private long lastPromptTokens;

    /** A new, empty conversation. */
    Conversation(String id, Optional<String> parentId) {
        this(id, parentId, List.of(), false, Optional.empty());
    }

    /**
     * A conversation that starts with {@code history}: a stored session resumed ({@code stored}: its rows exist), or
     * the compacted continuation of one (not stored yet; written whole with its first turn, under {@code title}).
     */
    Conversation(String id, Optional<String> parentId, List<Message> history, boolean stored, Optional<String> title) {
        this.id = id;
        this.parentId = parentId;
        this.history.addAll(history);
        this.stored = stored;
        this.title = title;
    }

    Optional<String> parentId() {
        return parentId;
    }

    /** How many user turns the history holds (the memory nudge counts on from there after a resume). */
    synchronized int userTurns() {
        return (int) history.stream().filter(m -> m.role() == Message.Role.USER).count();
    }

    String id() {
        return id;
    }

    synchronized List<Message> history() {
        return List.copyOf(history);
    }

    synchronized Usage usage() {
        return usage;
    }

    synchronized Optional<String> systemPrompt() {
        return Optional.ofNullable(systemPrompt);
    }

    /** A resumed conversation continues with the prompt it was stored with (it is already in the store). */
    synchronized void continueWithStoredPrompt(String prompt) {
        storedPrompt = Optional.of(prompt);
        promptSaved = true;
    }

    synchronized Optional<String> storedPrompt() {
        return storedPrompt;
    }

    synchronized List<ToolSpec> tools() {
        return tools;
    }

    /** Freezes the prompt and tools at the first turn. */
    synchronized void freeze(String prompt, List<ToolSpec> toolList) {
        if (systemPrompt == null) {
            systemPrompt = prompt;
            tools = List.copyOf(toolList);
        }
    }

    synchronized void addUsage(Usage more) {
        usage = usage.plus(more);
        if (more.inputTokens() > 0) {
            lastPromptTokens = more.inputTokens();
        }
    }

    synchronized long lastPromptTokens() {
        return lastPromptTokens;
    }

    /**
     * Appends a finished turn's messages, in memory and in the store (one transaction there).
     *
     * @throws IOException when the store fails; the messages stay in memory so the conversation can go on
     */
    synchronized void commit(List<Message> messages, Optional<SessionStore> store, String source, String model)
            throws IOException {
        List<Message> unstored = stored ? List.copyOf(messages) : concat(history, messages);
        history.addAll(messages);
        if (store.isEmpty()) {
            return;
        }
        if (!stored) {
            store.get().create(new SessionStore.SessionRecord(id, source, model, Optional.empty(), parentId,
                    startedAt));
            stored = true;
            if (title.isPresent()) {
                try {
                    store.get().rename(id, title.get());
                } catch (IllegalArgumentException taken) {
                    // another process took the title meanwhile: the session stays untitled, nothing is lost
                    System.getLogger(Conversation.class.getName()).log(System.Logger.Level.INFO, taken.getMessage());
                }
            }
        }
        store.get().append(id, unstored);
        if (!promptSaved && systemPrompt != null) {
            store.get().saveSystemPrompt(id, systemPrompt);
            promptSaved = true;
        }
    }

    private static List<Message> concat(List<Message> first, List<Message> second) {
        List<Message> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Removes the last {@code exchanges} user messages and everything after each.
     *
     * @return the content of the earliest removed user message, or empty when there was none
     */
    synchronized Optional<List<ContentPart>> dropLastExchanges(int exchanges, Optional<SessionStore> store) {
        int cut = history.size();
        int found = 0;
        for (int i = history.size() - 1; i >= 0 && found < exchanges; i--) {
            if (history.get(i).role() == Message.Role.USER) {
                cut = i;
                found++;
            }
        }
        if (found == 0) {
            return Optional.empty();
        }
        List<ContentPart> content = history.get(cut).content();
        history.subList(cut, history.size()).clear();
        if (stored && store.isPresent()) {
            try {
                store.get().truncate(id, cut);
            } catch (IOException e) {
                System.getLogger(Conversation.class.getName()).log(System.Logger.Level.WARNING,
                        "could not remove messages of " + id + " from the session store", e);
            }
        }
        return Optional.of(content);
    }
}
