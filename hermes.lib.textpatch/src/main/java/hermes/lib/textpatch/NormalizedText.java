package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A normalized copy of a text that remembers, for every char, which chars of the original it came from, so a match
 * found in the copy maps back to the region of the original it covers.
 */
final class NormalizedText {

    private final StringBuilder text = new StringBuilder();
    private int[] sourceStart = new int[16];
    private int[] sourceEnd = new int[16];

    /** Appends {@code replacement}, which stands for the original chars {@code [from, to)}. */
    NormalizedText append(CharSequence replacement, int from, int to) {
        for (int i = 0; i < replacement.length(); i++) {
            append(replacement.charAt(i), from, to);
        }
        return this;
    }

    NormalizedText append(char c, int from, int to) {
        int at = text.length();
        if (at == sourceStart.length) {
            sourceStart = Arrays.copyOf(sourceStart, at * 2);
            sourceEnd = Arrays.copyOf(sourceEnd, at * 2);
        }
        sourceStart[at] = from;
        sourceEnd[at] = to;
        text.append(c);
        return this;
    }

    String text() {
        return text.toString();
    }

    /** The original region behind the normalized chars {@code [start, end)}; {@code end > start}. */
    Span original(int start, int end) {
        return new Span(sourceStart[start], sourceEnd[end - 1]);
    }

    /** Maps every span found in this copy back to the original. */
    List<Span> original(List<Span> spans) {
        List<Span> mapped = new ArrayList<>(spans.size());
        for (Span span : spans) {
            mapped.add(original(span.start(), span.end()));
        }
        return mapped;
    }
}
