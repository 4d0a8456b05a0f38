package hermes.plugin.context.compressor.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Component;

import hermes.api.ContentPart;
import hermes.api.ContextEngine;
import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ModelException;

/**
 * The default context engine: keeps the first turns and the recent ones verbatim and replaces the middle with one
 * summary written by the auxiliary model.
 *
 * <p>It fires when the last request used {@value #THRESHOLD_SHARE} of the context window, but not below
 * {@value #MINIMUM_THRESHOLD_TOKENS} tokens; a caller forces it (a manual {@code /compress}) by passing
 * {@code promptTokens >= contextLength}. Steps: old bulky tool outputs in the middle are cleared (the summariser does
 * not need stale file dumps), the middle is summarised in one call — updating the summary of an earlier compaction
 * when the middle holds one — and head, summary and tail are joined so roles alternate and tool calls keep their
 * results. When the summariser fails, the middle is dropped with a note saying so, and for
 * {@link #SUMMARY_FAILURE_COOLDOWN} no summary is tried again (a broken auxiliary model would otherwise cost a timeout
 * on every turn).
 *
 * <p>Thread-safe: sessions share the instance; only the cooldown is state, and it is shared too.
 */
@Component(service = ContextEngine.class, property = "hermes.id=" + ContextCompressor.ID)
public final class ContextCompressor implements ContextEngine {

    static final String ID = "compressor";
    static final double THRESHOLD_SHARE = 0.50;
    static final long MINIMUM_THRESHOLD_TOKENS = 64_000;
    static final double TAIL_SHARE_OF_THRESHOLD = 0.20;
    static final Duration SUMMARY_FAILURE_COOLDOWN = Duration.ofSeconds(600);

    static final int PRUNE_ABOVE_CHARS = 200;
    static final String PRUNED_TOOL_OUTPUT = "[Old tool output cleared to save context space]";
    /**
     * Tool outputs this close to the end keep their text for the summariser even in the middle: recent results are
     * what the summary's progress and next steps are made of.
     */
    static final int PRUNE_SPARES_LAST_MESSAGES = 3 * Boundaries.TAIL_MESSAGE_FLOOR;

    private static final System.Logger LOG = System.getLogger(ContextCompressor.class.getName());

    private final Clock clock;
    private final AtomicReference<Instant> summariesPausedUntil = new AtomicReference<>(Instant.MIN);

    public ContextCompressor() {
        this(Clock.systemUTC());
    }

    ContextCompressor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<List<Message>> compact(List<Message> history, long promptTokens, long contextLength,
                                           Summarizer summarizer) throws InterruptedException {
        if (contextLength <= 0) {
            throw new IllegalArgumentException("the context length must be positive, was " + contextLength
                    + "; give the model's context window");
        }
        long thresholdTokens = thresholdTokens(contextLength);
        long usedTokens = promptTokens > 0 ? promptTokens : TokenEstimate.of(history);
        boolean forced = usedTokens >= contextLength;
        if (!forced && usedTokens < thresholdTokens) {
            return Optional.empty();
        }
        long tailBudget = (long) (thresholdTokens * TAIL_SHARE_OF_THRESHOLD);
        Optional<Boundaries> found = Boundaries.of(history, tailBudget);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Boundaries boundaries = found.get();
        List<Message> middle = pruned(history, boundaries);
        Optional<String> earlierSummary = earlierSummary(middle);
        List<Message> turns = middle.stream().filter(m -> !CompactionBanner.isCompactionMessage(m)).toList();

        Message standIn = summary(turns, earlierSummary, contextLength, summarizer)
                .map(summary -> CompactionBanner.summarised(boundaries.summaryRole(), summary))
                .orElseGet(() -> CompactionBanner.removed(boundaries.summaryRole(), earlierSummary));

        List<Message> compacted = new ArrayList<>(history.subList(0, boundaries.headEnd()));
        compacted.add(standIn);
        compacted.addAll(history.subList(boundaries.tailStart(), history.size()));
        LOG.log(System.Logger.Level.INFO, "compacted {0} messages ({1} tokens used of {2}) into {3}",
                history.size(), usedTokens, contextLength, compacted.size());
        return Optional.of(ToolPairs.repaired(compacted));
    }

    static long thresholdTokens(long contextLength) {
        return Math.max((long) (contextLength * THRESHOLD_SHARE), MINIMUM_THRESHOLD_TOKENS);
    }

    /** The middle with long tool outputs cleared, except in the last {@value #PRUNE_SPARES_LAST_MESSAGES} messages. */
    private static List<Message> pruned(List<Message> history, Boundaries boundaries) {
        int pruneEnd = Math.min(boundaries.tailStart(), history.size() - PRUNE_SPARES_LAST_MESSAGES);
        List<Message> middle = new ArrayList<>(history.subList(boundaries.headEnd(), boundaries.tailStart()));
        for (int i = 0; i < pruneEnd - boundaries.headEnd(); i++) {
            Message message = middle.get(i);
            if (message.role() == Role.TOOL && message.text().length() > PRUNE_ABOVE_CHARS) {
                middle.set(i, new Message(Role.TOOL, List.of(new ContentPart.Text(PRUNED_TOOL_OUTPUT)), List.of(),
                        message.toolCallId(), message.reasoning(), message.providerData()));
            }
        }
        return middle;
    }

    /** The newest summary among the turns to compact: it already covers any older one. */
    private static Optional<String> earlierSummary(List<Message> middle) {
        return middle.reversed().stream()
                .map(CompactionBanner::summaryOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<String> summary(List<Message> turns, Optional<String> earlierSummary, long contextLength,
                                     Summarizer summarizer) throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(summariesPausedUntil.get())) {
            LOG.log(System.Logger.Level.WARNING, "compacting without a summary: summaries are paused until {0} after"
                    + " a failure", summariesPausedUntil.get());
            return Optional.empty();
        }
        long budget = SummaryPrompt.summaryBudget(TokenEstimate.of(turns), contextLength);
        try {
            String summary = withoutBanner(summarizer.summarize(SummaryPrompt.of(turns, earlierSummary, budget)));
            if (summary.isEmpty()) {
                throw new IllegalStateException("the summary model answered with no text");
            }
            return Optional.of(summary);
        } catch (ModelException | RuntimeException e) {
            summariesPausedUntil.set(now.plus(SUMMARY_FAILURE_COOLDOWN));
            LOG.log(System.Logger.Level.WARNING, "the summary of " + turns.size() + " messages failed, so they were"
                    + " dropped without one; no summary is tried for the next " + SUMMARY_FAILURE_COOLDOWN.toSeconds()
                    + " s. Check the auxiliary compression model (auxiliary.compression.*)", e);
            return Optional.empty();
        }
    }

    /** A model that echoes the banner it saw in the earlier summary would otherwise stack banners. */
    private static String withoutBanner(String summary) {
        String text = summary.strip();
        if (text.startsWith(CompactionBanner.MARKER)) {
            int body = text.indexOf("\n\n");
            text = body < 0 ? "" : text.substring(body).strip();
        }
        return text;
    }
}
