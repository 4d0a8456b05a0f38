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
    private final Instant startedAt = Instant.now();
    private final List<Message> history = new ArrayList<>();
    private String systemPrompt;
    private List<ToolSpec> tools;
    private Usage usage = Usage.NONE;
    private boolean stored;

    Conversation(String id) {
        this.id = id;
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
    }

    /**
     * Appends a finished turn's messages, in memory and in the store (one transaction there).
     *
     * @throws IOException when the store fails; the messages stay in memory so the conversation can go on
     */
    synchronized void commit(List<Message> messages, Optional<SessionStore> store, String source, String model,
                             Optional<String> parentId) throws IOException {
        history.addAll(messages);
        if (store.isEmpty()) {
            return;
        }
        if (!stored) {
            store.get().create(new SessionStore.SessionRecord(id, source, model, Optional.empty(), parentId,
                    startedAt));
            stored = true;
        }
        store.get().append(id, messages);
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
