package hermes.runtime.internal.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import hermes.api.Event;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.ToolSpec;
import hermes.runtime.internal.models.Cancellation;

/**
 * The loop that makes Hermes learn (reference §4): every {@code memory.nudge_interval} user turns a memory review, and
 * after a turn of at least {@code skills.creation_nudge_interval} tool iterations a skill review, forked after the
 * answer on a thread of its own ({@link ReviewTurn}). Only top-level sessions review; subagents report to their parent.
 *
 * <p>Threading: {@link #afterTurn} is called on the session's thread; the review runs on a virtual thread and touches
 * nothing of the session but its tools' context.
 */
final class BackgroundReview {

    private static final System.Logger LOG = System.getLogger(BackgroundReview.class.getName());

    /** User turns since the last memory review; restored from the history when a session is resumed. */
    private final AtomicInteger turnsSinceMemoryReview = new AtomicInteger();
    private volatile Thread running;

    void restore(int userTurns, int interval) {
        turnsSinceMemoryReview.set(interval <= 0 ? 0 : userTurns % interval);
    }

    /** Counts the finished turn and forks a review when a nudge is due. */
    void afterTurn(RuntimeSession session, int toolIterations, boolean completed) {
        SessionSettings settings = session.settings();
        if (session.depth() > 0 || !completed) {
            return;
        }
        int memoryInterval = settings.integer("memory.nudge_interval", 10);
        int skillInterval = settings.integer("skills.creation_nudge_interval", 10);
        boolean memoryDue = memoryInterval > 0 && turnsSinceMemoryReview.incrementAndGet() >= memoryInterval;
        boolean skillDue = skillInterval > 0 && toolIterations >= skillInterval;
        if (!memoryDue && !skillDue) {
            return;
        }
        if (memoryDue) {
            turnsSinceMemoryReview.set(0);
        }
        Conversation conversation = session.conversation();
        List<ToolSpec> tools = conversation.tools();
        String prompt = conversation.systemPrompt().orElse("");
        List<Message> history = conversation.history();
        Set<String> allowed = new HashSet<>(ReviewTurn.MEMORY_TOOLS);
        allowed.addAll(ReviewTurn.SKILL_TOOLS);
        String request = PromptBuilder.reviewRequest(memoryDue, skillDue);
        running = Thread.ofVirtual().name("hermes-review-" + session.id()).start(() -> {
            try {
                ReviewTurn.Outcome outcome = ReviewTurn.run(session, prompt, history, tools, allowed, request,
                        new Cancellation());
                if (!outcome.writes().isEmpty()) {
                    session.emit(new Event.Notice(PromptBuilder.reviewNotice(outcome.writes())));
                }
            } catch (ModelException | RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "background review of " + session.id() + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits for a running review (before a compaction, and in tests). */
    void await() throws InterruptedException {
        Thread review = running;
        if (review != null) {
            review.join();
        }
    }
}
