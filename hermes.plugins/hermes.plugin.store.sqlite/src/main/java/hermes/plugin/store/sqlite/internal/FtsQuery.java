package hermes.plugin.store.sqlite.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's search text made safe for FTS5 {@code MATCH}, the way the original sanitises it: balanced quoted phrases
 * are kept, unmatched FTS5 syntax characters are dropped, runs of {@code *} collapse (and a leading one goes, since
 * a prefix query needs a prefix), hyphenated or dotted terms are quoted so they match as phrases instead of being
 * read as {@code NOT} or column syntax, and AND/OR/NOT left dangling at either end are removed.
 */
final class FtsQuery {

    private static final Pattern QUOTED_PHRASE = Pattern.compile("\"[^\"]*\"");
    private static final Pattern SYNTAX_CHARACTERS = Pattern.compile("[+{}()\"^:]");
    private static final Pattern STAR_RUNS = Pattern.compile("\\*+");
    private static final Pattern LEADING_STAR = Pattern.compile("(^|\\s)\\*");
    private static final Pattern JOINED_TERM = Pattern.compile("^[\\p{L}\\p{N}_]+(?:[-.][\\p{L}\\p{N}_]+)+\\*?$");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
    /** A private-use character: not whitespace (so trim() keeps it) and never typed by a user. */
    private static final char PLACEHOLDER = '\uE000';

    private FtsQuery() {
    }

    /** The sanitised MATCH expression, or empty text when nothing searchable is left. */
    static String sanitise(String query) {
        List<String> phrases = new ArrayList<>();
        Matcher quoted = QUOTED_PHRASE.matcher(query);
        StringBuilder protectedText = new StringBuilder();
        while (quoted.find()) {
            phrases.add(quoted.group());
            quoted.appendReplacement(protectedText, " " + PLACEHOLDER + (phrases.size() - 1) + PLACEHOLDER + " ");
        }
        quoted.appendTail(protectedText);

        String cleaned = SYNTAX_CHARACTERS.matcher(protectedText).replaceAll(" ");
        cleaned = STAR_RUNS.matcher(cleaned).replaceAll("*");
        cleaned = LEADING_STAR.matcher(cleaned).replaceAll("$1");

        List<String> terms = new ArrayList<>();
        for (String term : cleaned.trim().split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            terms.add(JOINED_TERM.matcher(term).matches() ? quoteJoined(term) : term);
        }
        while (!terms.isEmpty() && OPERATORS.contains(terms.getFirst().toUpperCase(Locale.ROOT))) {
            terms.removeFirst();
        }
        while (!terms.isEmpty() && OPERATORS.contains(terms.getLast().toUpperCase(Locale.ROOT))) {
            terms.removeLast();
        }
        String joined = String.join(" ", terms);
        for (int i = 0; i < phrases.size(); i++) {
            joined = joined.replace(PLACEHOLDER + Integer.toString(i) + PLACEHOLDER, phrases.get(i));
        }
        return joined;
    }

    /** {@code chat-send*} becomes {@code "chat-send"*}: the phrase keeps its prefix star outside the quotes. */
    private static String quoteJoined(String term) {
        return term.endsWith("*") ? "\"" + term.substring(0, term.length() - 1) + "\"*" : "\"" + term + "\"";
    }

    /**
     * Whether the word tokenizer cannot find this query: unicode61 makes one token of a whole run of CJK characters,
     * so CJK text is only found through the trigram table (the original's rule: any CJK character sends the query
     * there).
     */
    static boolean needsTrigram(String query) {
        return query.codePoints().anyMatch(FtsQuery::isCjk);
    }

    /** Trigram matching needs at least three characters in every term; shorter ones fall back to LIKE. */
    static boolean trigramCanMatch(String query) {
        return Arrays.stream(query.trim().split("\\s+"))
                .map(term -> term.replace("\"", ""))
                .filter(term -> !OPERATORS.contains(term.toUpperCase(Locale.ROOT)))
                .allMatch(term -> term.codePointCount(0, term.length()) >= 3);
    }

    /** The plain words of a query, for the LIKE fallback. */
    static List<String> likeTerms(String query) {
        return Arrays.stream(query.trim().split("\\s+"))
                .map(term -> term.replace("\"", ""))
                .filter(term -> !term.isEmpty() && !OPERATORS.contains(term.toUpperCase(Locale.ROOT)))
                .toList();
    }

    private static boolean isCjk(int codePoint) {
        return (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x20000 && codePoint <= 0x2A6DF)
                || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0x3040 && codePoint <= 0x309F)
                || (codePoint >= 0x30A0 && codePoint <= 0x30FF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7AF);
    }
}
