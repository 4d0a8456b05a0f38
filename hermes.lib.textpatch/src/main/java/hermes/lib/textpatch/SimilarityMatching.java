package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last-resort patch strategies, which accept a region that only resembles old_string (block_anchor and
 * context_aware), and the "closest region" hint shown when nothing matches at all.
 */
final class SimilarityMatching {

    /** block_anchor needs a middle; with two lines, anchors alone would be line_trimmed. */
    static final int BLOCK_ANCHOR_MIN_LINES = 3;
    /** How alike the middle must be when one block has matching anchors. */
    static final double BLOCK_ANCHOR_UNIQUE_THRESHOLD = 0.50;
    /** Stricter when several blocks have matching anchors, so the right one wins clearly. */
    static final double BLOCK_ANCHOR_SEVERAL_THRESHOLD = 0.70;
    /** How alike every non-blank line of old_string must be to its line in the file for context_aware. */
    static final double CONTEXT_AWARE_LINE_THRESHOLD = 0.50;
    /** Below this, the closest line is too unlike old_string to be a useful hint. */
    private static final double HINT_THRESHOLD = 0.30;
    private static final int HINT_CONTEXT_LINES = 2;

    private SimilarityMatching() {
    }

    /**
     * Blocks of old_string's line count whose first and last lines equal old_string's (trimmed, typographic characters
     * as ASCII) and whose middle lines are, on average, at least 50% alike (70% when several blocks qualify).
     */
    static List<Span> blockAnchor(String content, String pattern) {
        List<String> wanted = trimmedAscii(Lines.of(pattern).all());
        int size = wanted.size();
        if (size < BLOCK_ANCHOR_MIN_LINES) {
            return List.of();
        }
        Lines lines = Lines.of(content);
        List<String> file = trimmedAscii(lines.all());
        List<Integer> candidates = new ArrayList<>();
        for (int start = 0; start + size <= file.size(); start++) {
            if (file.get(start).equals(wanted.get(0)) && file.get(start + size - 1).equals(wanted.get(size - 1))) {
                candidates.add(start);
            }
        }
        double threshold = candidates.size() == 1 ? BLOCK_ANCHOR_UNIQUE_THRESHOLD : BLOCK_ANCHOR_SEVERAL_THRESHOLD;
        List<Span> spans = new ArrayList<>();
        int freeFrom = 0;
        for (int start : candidates) {
            double sum = 0;
            for (int k = 1; k < size - 1; k++) {
                sum += Similarity.ratio(file.get(start + k), wanted.get(k));
            }
            if (start >= freeFrom && sum / (size - 2) >= threshold) {
                spans.add(lines.span(start, start + size));
                freeFrom = start + size;
            }
        }
        return spans;
    }

    /**
     * The one block of old_string's line count where every non-blank line of old_string is at least 50% alike to its
     * line in the file, the most alike on average when several qualify.
     */
    static List<Span> contextAware(String content, String pattern) {
        List<String> wanted = Lines.of(pattern).all().stream().map(String::strip).toList();
        Lines lines = Lines.of(content);
        List<String> file = lines.all().stream().map(String::strip).toList();
        int size = wanted.size();
        int best = -1;
        double bestScore = -1;
        for (int start = 0; start + size <= file.size(); start++) {
            double sum = 0;
            int counted = 0;
            boolean qualifies = true;
            for (int k = 0; k < size && qualifies; k++) {
                if (wanted.get(k).isEmpty()) {
                    continue;
                }
                String line = file.get(start + k);
                qualifies = Similarity.atLeast(line, wanted.get(k), CONTEXT_AWARE_LINE_THRESHOLD);
                if (qualifies) {
                    sum += Similarity.ratio(line, wanted.get(k));
                    counted++;
                }
            }
            if (qualifies && counted > 0 && sum / counted > bestScore) {
                bestScore = sum / counted;
                best = start;
            }
        }
        return best < 0 ? List.of() : List.of(lines.span(best, best + size));
    }

    /**
     * The part of the file most like old_string, numbered like read_file output: the line closest to old_string's
     * first non-blank line, with two lines of context around a block as long as old_string.
     */
    static Optional<String> closestRegion(String content, String pattern) {
        List<String> patternLines = Lines.of(pattern).all();
        Optional<String> anchor = patternLines.stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        List<String> file = Lines.of(content).all();
        int bestLine = -1;
        double bestScore = HINT_THRESHOLD;
        for (int i = 0; i < file.size(); i++) {
            String line = file.get(i).strip();
            if (!line.isEmpty() && Similarity.atLeast(line, anchor.get(), bestScore)) {
                double score = Similarity.ratio(line, anchor.get());
                if (score > bestScore || bestLine < 0) {
                    bestScore = score;
                    bestLine = i;
                }
            }
        }
        if (bestLine < 0) {
            return Optional.empty();
        }
        int from = Math.max(0, bestLine - HINT_CONTEXT_LINES);
        int to = Math.min(file.size(), bestLine + patternLines.size() + HINT_CONTEXT_LINES);
        StringBuilder region = new StringBuilder();
        for (int i = from; i < to; i++) {
            region.append(String.format("%6d|%s\n", i + 1, file.get(i)));
        }
        return Optional.of(region.toString().stripTrailing());
    }

    private static List<String> trimmedAscii(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        for (String line : lines) {
            result.add(CharMatching.ascii(line.strip()));
        }
        return result;
    }
}
