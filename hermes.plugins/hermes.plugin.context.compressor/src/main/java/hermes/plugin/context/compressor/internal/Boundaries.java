package hermes.plugin.context.compressor.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import hermes.api.Message;
import hermes.api.Message.Role;

/**
 * Where a history splits into the head kept verbatim, the middle to summarise and the tail kept verbatim, and which
 * role the summary between them takes.
 *
 * <p>Both cuts fall outside tool groups (an assistant message with tool calls and the results that follow it), so a
 * call never loses its results or a result its call. The head is the first {@value #HEAD_MESSAGES} non-system
 * messages, stretched over the results of a tool call it ends with. The tail is what fits the token budget walking
 * back from the end, but never fewer than {@value #TAIL_MESSAGE_FLOOR} messages — unless the messages after the head
 * are over the budget on their own (bulky tool outputs) and that floor would leave nothing to summarise; then
 * {@value #BULKY_TAIL_MESSAGE_FLOOR}.
 *
 * @param headEnd the index of the first message after the head
 * @param tailStart the index of the first message of the tail
 * @param summaryRole the role of the summary message, which differs from the last head message's and the first tail
 *     message's so roles keep alternating
 */
record Boundaries(int headEnd, int tailStart, Role summaryRole) {

    static final int HEAD_MESSAGES = 3;
    static final int TAIL_MESSAGE_FLOOR = 20;
    static final int BULKY_TAIL_MESSAGE_FLOOR = 8;

    /** The boundaries of {@code history}, or empty when its middle holds nothing to summarise. */
    static Optional<Boundaries> of(List<Message> history, long tailTokenBudget) {
        int headEnd = headEnd(history);
        int tailStart = tailStart(history, headEnd, tailTokenBudget, TAIL_MESSAGE_FLOOR);
        if (!compressible(history, headEnd, tailStart)
                && TokenEstimate.of(history.subList(headEnd, history.size())) > tailTokenBudget) {
            tailStart = tailStart(history, headEnd, tailTokenBudget, BULKY_TAIL_MESSAGE_FLOOR);
        }
        // When no role fits between head and tail (a user message on one side, an assistant one on the other), the
        // head takes in the next group instead of the summary being merged into a kept message: head and tail stay
        // verbatim, and the group that moved is a turn or two of the head, not a loss.
        while (compressible(history, headEnd, tailStart)) {
            Optional<Role> role = summaryRole(history.get(headEnd - 1).role(), history.get(tailStart).role());
            if (role.isPresent()) {
                return Optional.of(new Boundaries(headEnd, tailStart, role.get()));
            }
            headEnd = groupEnd(history, headEnd);
        }
        return Optional.empty();
    }

    private static int headEnd(List<Message> history) {
        int kept = 0;
        int end = 0;
        while (end < history.size() && kept < HEAD_MESSAGES) {
            if (history.get(end).role() != Role.SYSTEM) {
                kept++;
            }
            end++;
        }
        return skipToolResults(history, end);
    }

    private static int tailStart(List<Message> history, int headEnd, long tokenBudget, int messageFloor) {
        int start = history.size();
        long used = 0;
        while (start > headEnd) {
            long next = TokenEstimate.of(history.get(start - 1));
            boolean floorReached = history.size() - start >= messageFloor;
            if (floorReached && used + next > tokenBudget) {
                break;
            }
            used += next;
            start--;
        }
        return groupStart(history, start, headEnd);
    }

    /** Moves a tail cut that falls among tool results back to the assistant message that made the calls. */
    private static int groupStart(List<Message> history, int cut, int headEnd) {
        if (cut >= history.size() || history.get(cut).role() != Role.TOOL) {
            return cut;
        }
        int caller = cut - 1;
        while (caller >= headEnd && history.get(caller).role() == Role.TOOL) {
            caller--;
        }
        boolean madeTheCalls = caller >= headEnd && history.get(caller).role() == Role.ASSISTANT
                && !history.get(caller).toolCalls().isEmpty();
        return madeTheCalls ? caller : cut;
    }

    private static int groupEnd(List<Message> history, int start) {
        return skipToolResults(history, start + 1);
    }

    private static int skipToolResults(List<Message> history, int index) {
        int end = index;
        while (end < history.size() && history.get(end).role() == Role.TOOL) {
            end++;
        }
        return end;
    }

    /** Whether the middle holds anything but an earlier summary (summarising a summary alone gains nothing). */
    private static boolean compressible(List<Message> history, int headEnd, int tailStart) {
        return history.subList(headEnd, Math.max(headEnd, tailStart)).stream()
                .anyMatch(message -> !CompactionBanner.isCompactionMessage(message));
    }

    /** After a user message the summary speaks as the assistant, else as the user; the other role on a clash. */
    private static Optional<Role> summaryRole(Role before, Role after) {
        Role preferred = before == Role.USER ? Role.ASSISTANT : Role.USER;
        Role other = preferred == Role.USER ? Role.ASSISTANT : Role.USER;
        return Stream.of(preferred, other)
                .filter(role -> role != before && role != after)
                .findFirst();
    }
}
