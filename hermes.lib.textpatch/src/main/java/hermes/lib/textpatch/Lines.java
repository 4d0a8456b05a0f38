package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A text split at {@code \n} with each line's offset. A {@code \r} before the break stays part of the line (trimming
 * removes it), so CRLF files match LF patterns in the line-based strategies. A text ending in a line break has a last,
 * empty line, exactly like {@code split("\n", -1)}.
 */
final class Lines {

    private final List<String> lines;
    private final int[] starts;

    private Lines(List<String> lines, int[] starts) {
        this.lines = lines;
        this.starts = starts;
    }

    static Lines of(String text) {
        List<String> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            starts.add(start);
            if (end < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return new Lines(List.copyOf(lines), starts.stream().mapToInt(Integer::intValue).toArray());
    }

    int size() {
        return lines.size();
    }

    String get(int index) {
        return lines.get(index);
    }

    List<String> all() {
        return lines;
    }

    /** The region of lines {@code [from, to)}, without the break after the last one. */
    Span span(int from, int to) {
        int last = to - 1;
        return new Span(starts[from], starts[last] + lines.get(last).length());
    }

    /** The 0-based line that holds char {@code offset}. */
    int lineAt(int offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    int start(int line) {
        return starts[line];
    }
}
