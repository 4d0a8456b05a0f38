package hermes.plugin.cli.internal;

import hermes.api.Event;
import hermes.api.Submission;

/**
 * Answers what a running turn asks: whether a dangerous command may run, and the agent's clarifying questions.
 *
 * <p>One rule for every front end of the CLI: no answer means {@link Submission.ApprovalAnswer.Decision#DENY} for an
 * approval (a timeout is not consent) and the empty answer {@code ""} for a clarifying question.
 */
interface Questions {

    /** Decides on a dangerous command; called on the CLI thread, may block until the user answers. */
    Submission.ApprovalAnswer approve(Event.ApprovalRequested request);

    /** Answers the agent's question; called on the CLI thread, may block until the user answers. */
    Submission.ClarifyAnswer clarify(Event.ClarifyRequested request);

    /** The turn ended: a question still waiting for the user is given up (no answer). Any thread. */
    void cancel();
}
