package hermes.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a front end asks of a session. A closed set. */
public sealed interface Submission {

    /** The user's next message; starts a turn. */
    record UserTurn(List<ContentPart> content) implements Submission {
        public UserTurn {
            content = List.copyOf(content);
        }

        public static UserTurn text(String text) {
            return new UserTurn(List.of(new ContentPart.Text(text)));
        }
    }

    /** Stops the running turn: kills its commands and persists nothing partial. */
    record Interrupt() implements Submission {
    }

    /** Answers an {@link Event.ApprovalRequested}. */
    record ApprovalAnswer(String requestId, Decision decision) implements Submission {
        public ApprovalAnswer {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(decision, "decision");
        }

        /** The original's four answers; {@code ALWAYS} also persists to {@code command_allowlist}. */
        public enum Decision { ONCE, SESSION, ALWAYS, DENY }
    }

    /** Answers an {@link Event.ClarifyRequested}. */
    record ClarifyAnswer(String requestId, String answer) implements Submission {
        public ClarifyAnswer {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** Switches the session's model ({@code provider:model} or a bare name). */
    record SwitchModel(String model) implements Submission {
        public SwitchModel {
            Objects.requireNonNull(model, "model");
        }
    }

    /** Starts a fresh conversation in this session's place; the next events carry the new session id. */
    record NewConversation() implements Submission {
    }

    /** Runs the last user message again, dropping the answer it got. */
    record Retry() implements Submission {
    }

    /** Removes the last {@code exchanges} user messages and everything after each of them from the history. */
    record Undo(int exchanges) implements Submission {
        public Undo {
            if (exchanges < 1) {
                throw new IllegalArgumentException("exchanges must be >= 1, was " + exchanges);
            }
        }
    }

    /**
     * Changes settings for this session only (for example {@code approvals.yolo=true}), by dotted key, as
     * {@link SessionSpec#settings()} does at open.
     */
    record Configure(Map<String, String> settings) implements Submission {
        public Configure {
            settings = Map.copyOf(settings);
        }
    }

    /**
     * Continues a stored conversation in this session's place, by session id or title (a title resolves to the newest
     * session of its lineage); the next events carry that session's id.
     */
    record Resume(String target) implements Submission {
        public Resume {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * Compacts the conversation now ({@code /compress}): the memory review runs first, then the context engine
     * summarises the middle and the session continues under a new id whose parent is the old one.
     *
     * @param focus a topic the summary should keep in detail, if any
     */
    record Compact(Optional<String> focus) implements Submission {
        public Compact {
            Objects.requireNonNull(focus, "focus");
        }
    }

    /**
     * Gives a conversation that has no turns yet its earlier messages (a stateless API request carries the whole
     * conversation; the last user message then comes as a {@link UserTurn}). Refused with an error event once the
     * conversation has messages. The seeded messages are stored with the first turn.
     */
    record Seed(List<Message> messages) implements Submission {
        public Seed {
            messages = List.copyOf(messages);
        }
    }
}
