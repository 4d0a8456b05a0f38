package hermes.lib.textpatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Find-and-replace that forgives the drift of text a model copied: whitespace, indentation, escapes, typographic
 * quotes, and at last blocks that only resemble old_string. Strategies are tried from the strictest to the most
 * forgiving, and the first that finds anything decides. A match found by a forgiving strategy replaces the region of
 * the text it covers, with new_string re-indented to the text's indentation (models often send old and new text with
 * indentation of their own).
 *
 * <p>Strategy names, in order: {@code exact}, {@code line_trimmed}, {@code whitespace_normalized},
 * {@code indentation_flexible}, {@code escape_normalized}, {@code trimmed_boundary}, {@code unicode_normalized},
 * {@code block_anchor}, {@code context_aware} (the last two are approximate and never used with replace-all).
 *
 * <p>Threading: stateless; any thread.
 */
public final class FuzzyReplace {

    private static final int MAX_LISTED_MATCHES = 5;
    private static final int MAX_SNIPPET_CHARS = 80;

    /** What a replacement gave: {@link Replaced} or {@link Failed}. */
    public sealed interface Outcome {
    }

    /**
     * The replacement was made.
     *
     * @param content the whole new text
     * @param strategy the name of the strategy that matched ({@code exact}, {@code line_trimmed}, …)
     * @param replacements how many regions changed (1 unless replace-all found several)
     */
    public record Replaced(String content, String strategy, int replacements) implements Outcome {
    }

    /**
     * Nothing was replaced.
     *
     * @param message why, and what to do about it, written for the model (it may show the closest part of the text)
     */
    public record Failed(String message) implements Outcome {
    }

    private FuzzyReplace() {
    }

    /**
     * Replaces {@code oldString} in {@code content} with {@code newString}.
     *
     * @param content the text to edit
     * @param oldString the text to find; it must occur exactly once unless {@code replaceAll}
     * @param newString the text to put in its place (empty deletes)
     * @param replaceAll whether to replace every match instead of requiring one
     * @return the new text with the strategy that matched, or why nothing was replaced; never throws for bad input
     */
    public static Outcome replace(String content, String oldString, String newString, boolean replaceAll) {
        if (oldString.isEmpty()) {
            return new Failed("old_string is empty; give the exact text to replace (read_file shows it)");
        }
        if (oldString.isBlank()) {
            return new Failed("old_string is only whitespace, which matches almost anywhere; give non-blank text");
        }
        if (oldString.equals(newString)) {
            return new Failed("old_string and new_string are identical, so there is nothing to change");
        }
        for (MatchStrategy strategy : MatchStrategy.values()) {
            List<Span> matches = strategy.find(content, oldString);
            if (matches.isEmpty()) {
                continue;
            }
            if (matches.size() > 1 && !replaceAll) {
                return new Failed("Found " + matches.size() + " matches for old_string (strategy " + strategy.wireName()
                        + "). Add surrounding lines to old_string to make it unique, or set replace_all=true to "
                        + "change every one. Matches:\n" + locations(content, matches));
            }
            if (matches.size() > 1 && strategy.approximate()) {
                return new Failed("Found " + matches.size() + " blocks that only resemble old_string (strategy "
                        + strategy.wireName() + "); replace_all needs the precise text. Copy old_string exactly "
                        + "from read_file output, whitespace included.");
            }
            String replacement = strategy == MatchStrategy.ESCAPE_NORMALIZED
                    ? CharMatching.unescape(newString) : newString;
            return new Replaced(apply(content, matches, strategy, oldString, replacement), strategy.wireName(),
                    matches.size());
        }
        return new Failed("Could not find old_string in the file." + SimilarityMatching.closestRegion(content, oldString)
                .map(region -> " The closest part of the file is:\n" + region
                        + "\nRead the file again and copy old_string exactly from it.")
                .orElse(" Read the file again (read_file) and copy old_string exactly from it."));
    }

    private static String apply(String content, List<Span> matches, MatchStrategy strategy, String oldString,
                                String newString) {
        boolean crlf = usesCrlf(content);
        StringBuilder result = new StringBuilder(content.length() + newString.length());
        int copied = 0;
        for (Span match : matches) {
            String replacement = newString;
            Span region = match;
            if (strategy != MatchStrategy.EXACT) {
                region = fromLineStart(content, match, copied);
                String pattern = strategy == MatchStrategy.ESCAPE_NORMALIZED ? CharMatching.unescape(oldString)
                        : oldString;
                replacement = reindent(content.substring(region.start(), region.end()), pattern, newString);
            }
            if (crlf) {
                replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n");
            }
            result.append(content, copied, region.start()).append(replacement);
            copied = region.end();
        }
        return result.append(content, copied, content.length()).toString();
    }

    /** A match preceded on its line by indentation only is widened to take the indentation, so it can be re-indented. */
    private static Span fromLineStart(String content, Span match, int notBefore) {
        int start = match.start();
        while (start > notBefore && (content.charAt(start - 1) == ' ' || content.charAt(start - 1) == '\t')) {
            start--;
        }
        boolean atLineStart = start == 0 || content.charAt(start - 1) == '\n';
        return atLineStart && start >= notBefore ? new Span(start, match.end()) : match;
    }

    /**
     * new_string with old_string's base indentation (that of its first non-blank line) swapped for the file region's,
     * keeping each line's indentation relative to that base.
     */
    static String reindent(String region, String oldString, String newString) {
        Optional<String> oldFirst = firstNonBlankLine(oldString);
        Optional<String> fileFirst = firstNonBlankLine(region);
        if (oldFirst.isEmpty() || fileFirst.isEmpty() || newString.isEmpty()) {
            return newString;
        }
        String oldIndent = indentOf(oldFirst.get());
        String fileIndent = indentOf(fileFirst.get());
        if (oldIndent.equals(fileIndent)) {
            return newString;
        }
        List<String> out = new ArrayList<>();
        for (String line : Lines.of(newString).all()) {
            if (line.isBlank()) {
                out.add(line);
            } else if (line.startsWith(oldIndent)) {
                out.add(fileIndent + line.substring(oldIndent.length()));
            } else {
                out.add(fileIndent + line.substring(LineMatching.indentWidth(line)));
            }
        }
        return String.join("\n", out);
    }

    private static Optional<String> firstNonBlankLine(String text) {
        return Lines.of(text).all().stream().filter(line -> !line.isBlank()).findFirst();
    }

    private static String indentOf(String line) {
        return line.substring(0, LineMatching.indentWidth(line));
    }

    /** Every line break is CRLF, so new text should get CRLF too instead of mixing endings. */
    private static boolean usesCrlf(String content) {
        int newlines = 0;
        int crlfs = 0;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                newlines++;
                if (i > 0 && content.charAt(i - 1) == '\r') {
                    crlfs++;
                }
            }
        }
        return newlines > 0 && newlines == crlfs;
    }

    private static String locations(String content, List<Span> matches) {
        Lines lines = Lines.of(content);
        StringBuilder text = new StringBuilder();
        for (Span match : matches.subList(0, Math.min(MAX_LISTED_MATCHES, matches.size()))) {
            int line = lines.lineAt(match.start());
            String snippet = lines.get(line).strip();
            if (snippet.length() > MAX_SNIPPET_CHARS) {
                snippet = snippet.substring(0, MAX_SNIPPET_CHARS - 3) + "...";
            }
            text.append("  line ").append(line + 1).append(": ").append(snippet).append('\n');
        }
        if (matches.size() > MAX_LISTED_MATCHES) {
            text.append("  ... and ").append(matches.size() - MAX_LISTED_MATCHES).append(" more\n");
        }
        return text.toString().stripTrailing();
    }
}
