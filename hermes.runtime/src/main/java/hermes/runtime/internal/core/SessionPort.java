package hermes.runtime.internal.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

import hermes.api.Caller;
import hermes.api.Submission;
import hermes.api.TerminalBackend;
import hermes.runtime.internal.models.Cancellation;

/**
 * What a tool call may reach of its session: the state behind {@code ToolContext}, and the questions the runtime's own
 * interceptors ask the user (approvals). Implemented by the session; tests give their own.
 */
public interface SessionPort {

    String id();

    Caller caller();

    /** 0 for a top-level session, 1 for a subagent, … */
    int depth();

    Path workingDirectory();

    Map<String, String> environment();

    Optional<Object> config(String key);

    TerminalBackend.Shell shell() throws IOException;

    /** Refreshes the saved cwd and variables from the shell after a call. */
    void syncShell();

    ConcurrentMap<String, String> state();

    /** Asks the user; empty when nobody answers in time or the turn is cancelled first. */
    Optional<String> ask(String question, List<String> choices, Cancellation turn) throws InterruptedException;

    /**
     * Asks the user to approve a command; {@code DENY} when nobody answers within {@code timeout} or the turn is
     * cancelled first (a timeout is not consent).
     */
    Submission.ApprovalAnswer.Decision approve(String command, String reason, Duration timeout, Cancellation turn)
            throws InterruptedException;

    /** Pattern keys the user approved for the rest of this session. */
    Set<String> approvedPatterns();

    void notice(String text);

    /**
     * Asks the auxiliary model for {@code task} ({@code auxiliary.<task>.provider/model}, else the session's model) one
     * short question: no tools, temperature 0, no retries.
     *
     * @return the reply text, or empty when the call failed
     */
    Optional<String> consult(String task, String system, String question, int maxTokens, Cancellation turn)
            throws InterruptedException;

    void onClose(Runnable action);
}
