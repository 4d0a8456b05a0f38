package hermes.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a front end renders, in an envelope that says where it belongs.
 *
 * @param sessionId the session, or empty for events outside any session (plugin changes)
 * @param turn the turn number within the session (0 outside turns)
 * @param submissionId the submission that caused it, or empty
 * @param sequence increases by one per event of the same session (or of the runtime, outside sessions)
 * @param at when it happened
 * @param payload what happened
 */
public record Event(Optional<String> sessionId, long turn, Optional<String> submissionId, long sequence, Instant at,
                    Payload payload) {

    public Event {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
    }

    /** What happened. A closed set; front ends switch over it. */
    public sealed interface Payload {
    }

    /** A piece of the answer. */
    public record TextDelta(String text) implements Payload {
    }

    /** A piece of the model's reasoning. */
    public record ReasoningDelta(String text) implements Payload {
    }

    /** A tool call began. */
    public record ToolStarted(String callId, String toolName, String arguments) implements Payload {
    }

    /** A tool call ended. */
    public record ToolFinished(String callId, String toolName, ToolResult result, Duration duration) implements Payload {
    }

    /** A dangerous command waits for an answer ({@link Submission.ApprovalAnswer}); no answer in time means deny. */
    public record ApprovalRequested(String requestId, String command, String reason, Instant expiresAt)
            implements Payload {
    }

    /** The agent asks the user a question ({@link Submission.ClarifyAnswer}). */
    public record ClarifyRequested(String requestId, String question, List<String> choices) implements Payload {
        public ClarifyRequested {
            choices = List.copyOf(choices);
        }
    }

    /**
     * The turn ended.
     *
     * @param reason {@code stop}, {@code interrupted}, {@code max_turns} or {@code error}
     * @param usage the tokens the turn's model calls used
     * @param apiCalls how many model calls the turn made
     * @param answer the text of the turn's final answer (empty when it has none, for example when interrupted)
     */
    public record TurnFinished(String reason, Usage usage, int apiCalls, String answer) implements Payload {
        public TurnFinished {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** Something the user should know that is not part of the answer: a retry, a fallback, a finished background job. */
    public record Notice(String text) implements Payload {
    }

    /** Something went wrong that the user should read; says what to do. */
    public record Error(String message) implements Payload {
    }

    /**
     * A plugin was installed, updated, removed or failed.
     *
     * @param plugin the plugin as it is now
     * @param change what happened
     * @param toolsAdded tool names that appeared
     * @param toolsRemoved tool names that went away
     */
    public record PluginChanged(PluginInfo plugin, Change change, List<String> toolsAdded, List<String> toolsRemoved)
            implements Payload {
        public PluginChanged {
            toolsAdded = List.copyOf(toolsAdded);
            toolsRemoved = List.copyOf(toolsRemoved);
        }

        public enum Change { INSTALLED, UPDATED, REMOVED, FAILED }
    }
}
