package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patch strategies that compare character by character after a normalization: exact, whitespace_normalized,
 * escape_normalized and unicode_normalized. Matches are substrings, so old_string may start or end mid-line.
 */
final class CharMatching {

    /**
     * Typographic characters models type as ASCII. The spaces are the Unicode space separators besides the plain space.
     */
    private static final Map<Character, String> UNICODE_TO_ASCII = Map.ofEntries(
            Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""),
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"),
            Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2212', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u00A0', " "), Map.entry('\u2000', " "), Map.entry('\u2001', " "),
            Map.entry('\u2002', " "), Map.entry('\u2003', " "), Map.entry('\u2004', " "), Map.entry('\u2005', " "),
            Map.entry('\u2006', " "), Map.entry('\u2007', " "), Map.entry('\u2008', " "), Map.entry('\u2009', " "),
            Map.entry('\u200A', " "), Map.entry('\u202F', " "), Map.entry('\u205F', " "), Map.entry('\u3000', " "));

    private CharMatching() {
    }

    /** Every non-overlapping occurrence, left to right (the semantics of a plain replace-all). */
    static List<Span> exact(String content, String pattern) {
        List<Span> spans = new ArrayList<>();
        if (pattern.isEmpty()) {
            return spans;
        }
        int from = 0;
        int at;
        while ((at = content.indexOf(pattern, from)) >= 0) {
            spans.add(new Span(at, at + pattern.length()));
            from = at + pattern.length();
        }
        return spans;
    }

    /** Runs of spaces and tabs count as one space on both sides. */
    static List<Span> whitespaceNormalized(String content, String pattern) {
        NormalizedText normalized = collapseBlanks(content);
        return normalized.original(exact(normalized.text(), collapseBlanks(pattern).text()));
    }

    /** {@code \n}, {@code \t}, {@code \r} and {@code \"} written as two characters in old_string mean the real ones. */
    static List<Span> escapeNormalized(String content, String pattern) {
        String unescaped = unescape(pattern);
        return unescaped.equals(pattern) ? List.of() : exact(content, unescaped);
    }

    /**
     * Smart quotes, dashes, the ellipsis and special spaces count as their ASCII look-alikes on both sides; the
     * normalized texts are compared exactly, then line by line with trimming.
     */
    static List<Span> unicodeNormalized(String content, String pattern) {
        NormalizedText normalizedContent = toAscii(content);
        String normalizedPattern = toAscii(pattern).text();
        if (normalizedContent.text().equals(content) && normalizedPattern.equals(pattern)) {
            return List.of();
        }
        List<Span> found = exact(normalizedContent.text(), normalizedPattern);
        if (found.isEmpty()) {
            found = LineMatching.lineTrimmed(normalizedContent.text(), normalizedPattern);
        }
        return normalizedContent.original(found);
    }

    /** The escape sequences {@link #escapeNormalized} understands, turned into the characters they stand for. */
    static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r").replace("\\\"", "\"");
    }

    /** {@code text} with typographic characters replaced by their ASCII look-alikes. */
    static String ascii(String text) {
        return toAscii(text).text();
    }

    private static NormalizedText collapseBlanks(String text) {
        NormalizedText normalized = new NormalizedText();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                int end = i;
                while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                    end++;
                }
                normalized.append(' ', i, end);
                i = end;
            } else {
                normalized.append(c, i, i + 1);
                i++;
            }
        }
        return normalized;
    }

    private static NormalizedText toAscii(String text) {
        NormalizedText normalized = new NormalizedText();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String ascii = UNICODE_TO_ASCII.get(c);
            if (ascii == null) {
                normalized.append(c, i, i + 1);
            } else {
                normalized.append(ascii, i, i + 1);
            }
        }
        return normalized;
    }
}
