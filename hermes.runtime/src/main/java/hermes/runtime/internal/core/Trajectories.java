package hermes.runtime.internal.core;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;

import hermes.api.Event;
import hermes.api.Message;
import hermes.runtime.internal.trajectory.Trajectory;
import hermes.runtime.internal.trajectory.TrajectoryFiles;

/**
 * {@code --save-trajectories} (reference §17): after each turn the conversation so far is appended as one ShareGPT line
 * to {@code trajectory_samples.jsonl} (the turn completed) or {@code failed_trajectories.jsonl}, in the session's working
 * directory as the original writes them to its own. A write that fails is reported and never fails the turn.
 */
final class Trajectories {

    private Trajectories() {
    }

    static void save(RuntimeSession session, List<Message> transcript, boolean completed) {
        Conversation conversation = session.conversation();
        if (conversation.tools() == null || transcript.isEmpty()) {
            return;
        }
        try {
            new TrajectoryFiles(session.workingDirectory()).append(new Trajectory(conversation.tools(), transcript,
                    session.model(), completed, LocalDateTime.now()));
        } catch (IOException | RuntimeException e) {
            session.emit(new Event.Notice("the trajectory of this turn was not saved: " + e.getMessage()));
        }
    }
}
