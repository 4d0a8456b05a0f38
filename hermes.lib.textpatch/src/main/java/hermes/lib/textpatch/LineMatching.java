package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The patch strategies that compare line by line: line_trimmed and trimmed_boundary match whole lines;
 * indentation_flexible matches a substring once every line's indentation is gone.
 */
final class LineMatching {

    private LineMatching() {
    }

    /** Windows of whole lines equal to old_string's lines once each line is trimmed at both ends. */
    static List<Span> lineTrimmed(String content, String pattern) {
        return windows(Lines.of(content), Lines.of(pattern).all(), String::strip);
    }

    /** old_string found as a substring when the leading spaces and tabs of every line are ignored on both sides. */
    static List<Span> indentationFlexible(String content, String pattern) {
        NormalizedText normalized = new NormalizedText();
        Lines lines = Lines.of(content);
        for (int line = 0; line < lines.size(); line++) {
            String text = lines.get(line);
            int start = lines.start(line);
            int indent = indentWidth(text);
            for (int i = indent; i < text.length(); i++) {
                normalized.append(text.charAt(i), start + i, start + i + 1);
            }
            if (line < lines.size() - 1) {
                normalized.append('\n', start + text.length(), start + text.length() + 1);
            }
        }
        StringBuilder dedented = new StringBuilder();
        List<String> patternLines = Lines.of(pattern).all();
        for (int i = 0; i < patternLines.size(); i++) {
            String text = patternLines.get(i);
            dedented.append(i > 0 ? "\n" : "").append(text, indentWidth(text), text.length());
        }
        if (dedented.isEmpty()) {
            return List.of();
        }
        return normalized.original(CharMatching.exact(normalized.text(), dedented.toString()));
    }

    /**
     * old_string with its leading and trailing blank lines and spaces removed, found exactly or else line by line with
     * trimming. Skipped when there is nothing at the boundaries to remove.
     */
    static List<Span> trimmedBoundary(String content, String pattern) {
        String stripped = pattern.strip();
        if (stripped.equals(pattern) || stripped.isEmpty()) {
            return List.of();
        }
        List<Span> found = CharMatching.exact(content, stripped);
        return found.isEmpty() ? lineTrimmed(content, stripped) : found;
    }

    /** Non-overlapping windows of {@code patternLines.size()} lines whose lines equal the pattern's after {@code norm}. */
    static List<Span> windows(Lines lines, List<String> patternLines, UnaryOperator<String> norm) {
        List<String> wanted = patternLines.stream().map(norm).toList();
        List<String> normalized = lines.all().stream().map(norm).toList();
        List<Span> spans = new ArrayList<>();
        int size = wanted.size();
        int window = 0;
        while (window + size <= normalized.size()) {
            boolean equal = true;
            for (int k = 0; k < size && equal; k++) {
                equal = normalized.get(window + k).equals(wanted.get(k));
            }
            if (equal) {
                spans.add(lines.span(window, window + size));
                window += size;
            } else {
                window++;
            }
        }
        return spans;
    }

    static int indentWidth(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
