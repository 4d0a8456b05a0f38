package hermes.runtime.internal.core;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import hermes.api.Message;
import hermes.api.SessionStore;

/**
 * Loads a stored conversation to continue it ({@code hermes -c}, {@code --resume <id|title>}, {@code /resume}): the
 * session by id or title (a title resolves to the newest session of its lineage), with its live messages and the system
 * prompt it was stored with: the prompt stays byte-stable for the life of a conversation (reference §1), so memory and
 * skills written since reach new sessions, not this one. A session stored without one gets a new prompt.
 */
final class Resumption {

    private Resumption() {
    }

    /**
     * The conversation of {@code target}; {@code "last"} is the most recent session.
     *
     * @throws IllegalArgumentException naming the target and how to find a valid one
     */
    static Conversation load(RuntimeServices services, String target) {
        SessionStore store = services.store().get().orElseThrow(() -> new IllegalArgumentException(
                "cannot resume '" + target + "': no session store is installed (hermes doctor shows the plugins)"));
        try {
            Optional<SessionStore.SessionRecord> found = target.equals(LAST)
                    ? store.recent(1).stream().findFirst() : store.resolve(target);
            SessionStore.SessionRecord record = found.orElseThrow(() -> new IllegalArgumentException(
                    target.equals(LAST) ? "there is no earlier session to continue: start one with hermes"
                            : "no session with id or title '" + target + "': list them with hermes sessions list"));
            List<Message> messages = store.messages(record.id());
            Conversation conversation = new Conversation(record.id(), record.parentId(), messages, true,
                    Optional.empty());
            store.systemPrompt(record.id()).filter(prompt -> !prompt.isBlank())
                    .ifPresent(conversation::continueWithStoredPrompt);
            return conversation;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resume '" + target + "': " + e.getMessage(), e);
        }
    }

    /** What {@code hermes -c} without a name resumes. */
    static final String LAST = "last";
}
