package hermes.plugin.store.sqlite.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Snippets of a hit made from its text, in the shape FTS5's {@code snippet()} gives (about 40 tokens, the matches
 * between {@code >>>} and {@code <<<}, {@code ...} where text was cut), without asking the index again: for a common
 * word FTS5 would seek through a long doclist once more for every result.
 */
final class Snippets {

    private static final int TOKENS = 40;
    private static final int TOKENS_BEFORE_MATCH = 8;
    private static final int CHARS = 120;
    private static final int CHARS_BEFORE_MATCH = 40;
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "NEAR");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Snippets() {
    }

    /** The words of a sanitised FTS5 query, folded, without operators or the words after NOT. */
    static List<String> terms(String sanitisedQuery) {
        List<String> terms = new ArrayList<>();
        boolean negated = false;
        for (String raw : sanitisedQuery.replace("\"", " \" ").split("\\s+")) {
            if (raw.isEmpty() || raw.equals("\"")) {
                continue;
            }
            if (OPERATORS.contains(raw)) {
                negated = raw.equals("NOT");
                continue;
            }
            if (!negated) {
                terms.add(fold(raw));
            }
            negated = false;
        }
        return terms;
    }

    /**
     * Around the first token equal to a term (or starting with a {@code prefix*} term), as unicode61 tokenises:
     * letters and digits, case and accents folded.
     */
    static String words(String text, List<String> terms) {
        // "chat-send" or "P2.2" match as phrases of the words they tokenise into
        List<String> words = terms.stream().flatMap(term -> Arrays.stream(term.split("[^\\p{L}\\p{N}*]+")))
                .filter(word -> !word.isEmpty() && !word.equals("*")).toList();
        List<int[]> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isLetterOrDigit(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            tokens.add(new int[] {start, i});
        }
        if (tokens.isEmpty()) {
            return "";
        }
        boolean[] matched = new boolean[tokens.size()];
        int first = -1;
        for (int t = 0; t < tokens.size(); t++) {
            String token = fold(text.substring(tokens.get(t)[0], tokens.get(t)[1]));
            matched[t] = words.stream().anyMatch(term -> term.endsWith("*")
                    ? token.startsWith(term.substring(0, term.length() - 1)) : token.equals(term));
            if (matched[t] && first < 0) {
                first = t;
            }
        }
        int from = first < 0 ? 0 : Math.max(0, Math.min(first - TOKENS_BEFORE_MATCH, tokens.size() - TOKENS));
        int to = Math.min(tokens.size(), from + TOKENS);
        StringBuilder snippet = new StringBuilder(from > 0 ? "..." : "");
        int position = tokens.get(from)[0];
        for (int t = from; t < to; t++) {
            int[] token = tokens.get(t);
            snippet.append(text, position, token[0]);
            snippet.append(matched[t] ? SearchRoute.SNIPPET_MARK_START : "").append(text, token[0], token[1])
                    .append(matched[t] ? SearchRoute.SNIPPET_MARK_END : "");
            position = token[1];
        }
        return snippet.append(to < tokens.size() ? "..." : "").toString();
    }

    /** Around the first occurrence of a term as a substring (the trigram index's matching), case folded. */
    static String substrings(String text, List<String> terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        int first = -1;
        for (String term : terms) {
            int at = lower.indexOf(term.replace("*", ""));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        int from = Math.max(0, first - CHARS_BEFORE_MATCH);
        int to = Math.min(text.length(), from + CHARS);
        boolean[] marked = new boolean[to - from];
        for (String term : terms) {
            String bare = term.replace("*", "");
            for (int at = lower.indexOf(bare, from); !bare.isEmpty() && at >= 0 && at < to;
                 at = lower.indexOf(bare, at + 1)) {
                Arrays.fill(marked, at - from, Math.min(to, at + bare.length()) - from, true);
            }
        }
        StringBuilder snippet = new StringBuilder(from > 0 ? "..." : "");
        for (int i = from; i < to; i++) {
            boolean mark = marked[i - from];
            if (mark && (i == from || !marked[i - from - 1])) {
                snippet.append(SearchRoute.SNIPPET_MARK_START);
            }
            snippet.append(text.charAt(i));
            if (mark && (i == to - 1 || !marked[i - from + 1])) {
                snippet.append(SearchRoute.SNIPPET_MARK_END);
            }
        }
        return snippet.append(to < text.length() ? "..." : "").toString();
    }

    private static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.chars().allMatch(c -> c < 128) ? lower
                : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
