package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A unified diff ({@code diff -u} layout, three lines of context) between two versions of a file, computed with Myers'
 * algorithm on the lines between the common head and tail. The "no newline at end of file" marker is left out: the diff
 * is for the model (and people) to read, not for {@code patch(1)}.
 *
 * <p>Threading: stateless; any thread.
 */
public final class UnifiedDiff {

    static final int CONTEXT_LINES = 3;
    /** Beyond this many differing lines, the changed middle is shown as one block removed and one added. */
    private static final int MAX_EDIT_DISTANCE = 4000;

    private enum Kind { EQUAL, DELETE, INSERT }

    private record Edit(Kind kind, int oldIndex, int newIndex, String text) {
    }

    private UnifiedDiff() {
    }

    /**
     * The diff of two texts.
     *
     * @param label the file name shown in the {@code --- a/label} and {@code +++ b/label} header lines
     * @return the diff, or an empty string when the texts are equal
     */
    public static String of(String label, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        List<int[]> hunks = hunks(edits);
        if (hunks.isEmpty()) {
            return "";
        }
        out.append("--- a/").append(label).append('\n').append("+++ b/").append(label).append('\n');
        for (int[] hunk : hunks) {
            appendHunk(out, edits.subList(hunk[0], hunk[1]));
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Lines.of(text).all());
        // "a\nb\n" has two lines, not a third empty one after the last break.
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            edits.add(new Edit(Kind.EQUAL, i, i, a.get(i)));
        }
        edits.addAll(middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, head));
        for (int i = tail; i > 0; i--) {
            edits.add(new Edit(Kind.EQUAL, a.size() - i, b.size() - i, a.get(a.size() - i)));
        }
        return edits;
    }

    /** Myers' greedy shortest edit script, keeping one snapshot of the frontier per edit distance for the walk back. */
    private static List<Edit> middle(List<String> a, List<String> b, int oldBase, int newBase) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] frontier = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int distance = -1;
        for (int d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE) && distance < 0; d++) {
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
                        ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                frontier[offset + k] = x;
                if (x >= n && y >= m) {
                    distance = d;
                }
            }
            trace.add(Arrays.copyOfRange(frontier, offset - d, offset + d + 1));
        }
        if (distance < 0) {
            return replaceAll(a, b, oldBase, newBase);
        }
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = distance; d > 0; d--) {
            int[] previous = trace.get(d - 1);
            int k = x - y;
            boolean down = k == -d || (k != d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
            int previousK = down ? k + 1 : k - 1;
            int previousX = at(previous, d - 1, previousK);
            int previousY = previousX - previousK;
            int stepX = down ? previousX : previousX + 1;
            while (x > stepX) {
                x--;
                y--;
                reversed.add(new Edit(Kind.EQUAL, oldBase + x, newBase + y, a.get(x)));
            }
            if (down) {
                reversed.add(new Edit(Kind.INSERT, oldBase + previousX, newBase + previousY, b.get(previousY)));
            } else {
                reversed.add(new Edit(Kind.DELETE, oldBase + previousX, newBase + previousY, a.get(previousX)));
            }
            x = previousX;
            y = previousY;
        }
        while (x > 0) {
            x--;
            y--;
            reversed.add(new Edit(Kind.EQUAL, oldBase + x, newBase + y, a.get(x)));
        }
        Collections.reverse(reversed);
        return reversed;
    }

    private static int at(int[] snapshot, int d, int k) {
        return snapshot[k + d];
    }

    private static List<Edit> replaceAll(List<String> a, List<String> b, int oldBase, int newBase) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            edits.add(new Edit(Kind.DELETE, oldBase + i, newBase, a.get(i)));
        }
        for (int j = 0; j < b.size(); j++) {
            edits.add(new Edit(Kind.INSERT, oldBase + a.size(), newBase + j, b.get(j)));
        }
        return edits;
    }

    /** Ranges {@code [from, to)} of edits that form hunks: changes with their context, merged when contexts touch. */
    private static List<int[]> hunks(List<Edit> edits) {
        List<int[]> hunks = new ArrayList<>();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind() == Kind.EQUAL) {
                i++;
                continue;
            }
            int from = Math.max(0, i - CONTEXT_LINES);
            int lastChange = i;
            int j = i + 1;
            while (j < edits.size() && j - lastChange <= 2 * CONTEXT_LINES + 1) {
                if (edits.get(j).kind() != Kind.EQUAL) {
                    lastChange = j;
                }
                j++;
            }
            int to = Math.min(edits.size(), lastChange + 1 + CONTEXT_LINES);
            hunks.add(new int[] {from, to});
            i = to;
        }
        return hunks;
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int oldCount = 0;
        int newCount = 0;
        for (Edit edit : hunk) {
            oldCount += edit.kind() == Kind.INSERT ? 0 : 1;
            newCount += edit.kind() == Kind.DELETE ? 0 : 1;
        }
        Edit first = hunk.getFirst();
        // diff -u numbers an empty side by the line before it.
        int oldStart = oldCount == 0 ? first.oldIndex() : first.oldIndex() + 1;
        int newStart = newCount == 0 ? first.newIndex() : first.newIndex() + 1;
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        for (Edit edit : hunk) {
            char sign = switch (edit.kind()) {
                case EQUAL -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            };
            out.append(sign).append(edit.text()).append('\n');
        }
    }
}
