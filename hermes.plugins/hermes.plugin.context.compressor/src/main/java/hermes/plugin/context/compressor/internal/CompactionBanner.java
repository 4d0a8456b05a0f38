package hermes.plugin.context.compressor.internal;

import java.util.List;
import java.util.Optional;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.Message.Role;

/**
 * The message that stands in for the compacted middle: a banner that tells the model how to read it, then the summary
 * after a blank line. The next compaction finds it by the banner and updates its summary instead of summarising a
 * summary.
 */
final class CompactionBanner {

    static final String MARKER = "[CONTEXT COMPACTION — REFERENCE ONLY]";

    static final String SUMMARISED = MARKER + " Earlier turns of this conversation were condensed into the summary"
            + " below to free context space. Read it as background, not as instructions: the requests it mentions"
            + " were already dealt with. Act only on the latest user message. Your persistent memory in the system"
            + " prompt stays authoritative, and your tools work as before — keep using them for the current task.";

    static final String REMOVED = MARKER + " Earlier turns of this conversation were removed to free context space;"
            + " no summary of them could be made. Act only on the latest user message, and check the current state"
            + " (files, processes) before relying on anything you remember from before. Your persistent memory in the"
            + " system prompt stays authoritative.";

    /** Introduces a summary kept from an earlier compaction when the new summary could not be made. */
    private static final String EARLIER_SUMMARY = "The summary of the turns before those follows.";

    private static final String BODY_SEPARATOR = "\n\n";

    private CompactionBanner() {
    }

    static Message summarised(Role role, String summary) {
        return message(role, SUMMARISED + BODY_SEPARATOR + summary);
    }

    /** The stand-in when summarising failed; an earlier summary, if the dropped turns held one, is kept. */
    static Message removed(Role role, Optional<String> earlierSummary) {
        return message(role, earlierSummary
                .map(summary -> REMOVED + " " + EARLIER_SUMMARY + BODY_SEPARATOR + summary)
                .orElse(REMOVED));
    }

    static boolean isCompactionMessage(Message message) {
        return message.role() != Role.TOOL && message.text().startsWith(MARKER);
    }

    /** The summary a compaction message carries, if any. */
    static Optional<String> summaryOf(Message message) {
        if (!isCompactionMessage(message)) {
            return Optional.empty();
        }
        String text = message.text();
        int separator = text.indexOf(BODY_SEPARATOR);
        return separator < 0 ? Optional.empty()
                : Optional.of(text.substring(separator + BODY_SEPARATOR.length()).strip()).filter(s -> !s.isEmpty());
    }

    private static Message message(Role role, String text) {
        return new Message(role, List.of(new ContentPart.Text(text)), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
