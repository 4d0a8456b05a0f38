package hermes.runtime.internal.core;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import hermes.api.ContextEngine;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.ModelException;
import hermes.api.SessionStore;
import hermes.runtime.internal.models.Cancellation;

/**
 * Keeps a conversation inside its model's context window (reference §7) with the configured {@link ContextEngine}
 * ({@code context.engine}, default {@code compressor}): before the next turn when the last request reached the
 * engine's threshold, or at once for {@code /compress}. Beyond the original, the memory review runs first, so what is
 * worth keeping reaches memory before the summary replaces the details. The compacted conversation continues under a new
 * session id whose parent is the old one (lineage), the old one ends with {@code compression}, the title carries over
 * numbered ({@code X} → {@code X #2}), and the system prompt is rebuilt once — the only cache break.
 */
final class Compaction {

    private static final Pattern NUMBERED = Pattern.compile("(.*) #(\\d+)");
    private static final int SUMMARY_MAX_TOKENS = 12_000;
    private static final long MINIMUM_THRESHOLD = 64_000;

    private Compaction() {
    }

    /** Compacts when the last request was big enough; a no-op otherwise or when compaction is off. */
    static void ifNeeded(RuntimeSession session) {
        Conversation conversation = session.conversation();
        if (!session.settings().flag("compression.enabled", true) || conversation.lastPromptTokens() == 0) {
            return;
        }
        run(session, Optional.empty(), false);
    }

    /**
     * Runs the engine; {@code manual} forces it regardless of size.
     *
     * @param focus a topic the summary should keep in detail ({@code /compress focus <topic>})
     */
    static void run(RuntimeSession session, Optional<String> focus, boolean manual) {
        Conversation conversation = session.conversation();
        String engineId = session.settings().text("context.engine").orElse("compressor");
        Optional<ContextEngine> engine = session.services().contextEngines().apply(engineId);
        if (engine.isEmpty()) {
            if (manual) {
                session.emit(new Event.Error("cannot compress: no context engine '" + engineId + "' is installed"
                        + " (set context.engine in config.yaml to an installed one; hermes doctor lists plugins)"));
            }
            return;
        }
        List<Message> history = conversation.history();
        String model = session.model();
        long contextLength = ContextWindow.of(model, session.settings());
        long promptTokens = manual ? Long.MAX_VALUE : conversation.lastPromptTokens();
        Cancellation cancellation = new Cancellation();
        try {
            if (manual && history.isEmpty()) {
                session.emit(new Event.Error("nothing to compress: this conversation has no messages yet"));
                return;
            }
            if (!manual && !reached(promptTokens, contextLength, session.settings())) {
                return;
            }
            // past the runtime's check (which honours compression.threshold) the engine must act, whatever its own rule
            promptTokens = Long.MAX_VALUE;
            reviewMemoryFirst(session, conversation, cancellation);
            Optional<List<Message>> compacted = engine.get().compact(history, promptTokens, contextLength,
                    prompt -> summarize(session, focus.map(f -> PromptBuilder.summaryFocus(f) + prompt).orElse(prompt),
                            cancellation));
            if (compacted.isEmpty()) {
                if (manual) {
                    session.emit(new Event.Notice("nothing to compress: the conversation is already short"));
                }
                return;
            }
            rotate(session, conversation, compacted.get(), history.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            session.emit(new Event.Error("compression failed: " + e.getMessage() + " (the conversation is unchanged)"));
        }
    }

    /**
     * Reference §7: {@code compression.threshold} (0.50) of the context length, never below 64K tokens. Checked here so
     * the memory review runs only before compactions that happen; the engine applies its own rule again.
     */
    static boolean reached(long promptTokens, long contextLength, SessionSettings settings) {
        double ratio = settings.text("compression.threshold").map(Double::parseDouble).orElse(0.5);
        return promptTokens >= Math.max((long) (ratio * contextLength), MINIMUM_THRESHOLD);
    }

    private static void reviewMemoryFirst(RuntimeSession session, Conversation conversation,
                                          Cancellation cancellation) throws InterruptedException {
        session.review().await();
        try {
            ReviewTurn.Outcome outcome = ReviewTurn.run(session, conversation.systemPrompt().orElse(""),
                    conversation.history(), conversation.tools() == null ? List.of() : conversation.tools(),
                    Set.copyOf(ReviewTurn.MEMORY_TOOLS), PromptBuilder.reviewBeforeCompaction(), cancellation);
            if (!outcome.writes().isEmpty()) {
                session.emit(new Event.Notice(PromptBuilder.reviewNotice(outcome.writes())));
            }
        } catch (ModelException | RuntimeException e) {
            session.emit(new Event.Notice("the memory review before compression failed: " + e.getMessage()));
        }
    }

    private static String summarize(RuntimeSession session, String prompt, Cancellation cancellation)
            throws InterruptedException, ModelException {
        return session.consult("compression", PromptBuilder.SUMMARY_SYSTEM, prompt, SUMMARY_MAX_TOKENS, cancellation)
                .orElseThrow(() -> new ModelException(ModelException.Kind.SERVER,
                        "the compression model did not answer"));
    }

    private static void rotate(RuntimeSession session, Conversation old, List<Message> compacted, int before) {
        Optional<SessionStore> store = session.services().store().get();
        Optional<String> title = Optional.empty();
        try {
            if (store.isPresent()) {
                title = store.get().find(old.id()).flatMap(SessionStore.SessionRecord::title)
                        .map(Compaction::nextTitle);
                store.get().end(old.id(), "compression");
            }
        } catch (IOException e) {
            session.emit(new Event.Notice("the old session could not be marked ended: " + e.getMessage()));
        }
        Conversation next = new Conversation(SessionIds.next(), Optional.of(old.id()), compacted, false, title);
        session.switchTo(next, false);
        try {
            next.commit(List.of(), store, session.caller().platform(), session.model());
        } catch (IOException e) {
            session.emit(new Event.Notice("the compacted conversation is not saved yet: " + e.getMessage()));
        }
        session.emit(new Event.Notice("compressed " + before + " messages into " + compacted.size()
                + "; continuing as " + next.id() + " (parent " + old.id() + ")"));
    }

    /** {@code X} → {@code X #2}, {@code X #2} → {@code X #3} (reference §6 get_next_title_in_lineage). */
    static String nextTitle(String title) {
        Matcher numbered = NUMBERED.matcher(title);
        return numbered.matches() ? numbered.group(1) + " #" + (Integer.parseInt(numbered.group(2)) + 1)
                : title + " #2";
    }
}
