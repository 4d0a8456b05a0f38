package hermes.lib.textpatch;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The ways patch looks for old_string, tried in declaration order; the first that finds anything decides. Each is a
 * little more forgiving than the one before, because models copy text with drifted whitespace, escapes and quotes.
 */
enum MatchStrategy {
    EXACT("exact", false, CharMatching::exact),
    LINE_TRIMMED("line_trimmed", false, LineMatching::lineTrimmed),
    WHITESPACE_NORMALIZED("whitespace_normalized", false, CharMatching::whitespaceNormalized),
    INDENTATION_FLEXIBLE("indentation_flexible", false, LineMatching::indentationFlexible),
    ESCAPE_NORMALIZED("escape_normalized", false, CharMatching::escapeNormalized),
    TRIMMED_BOUNDARY("trimmed_boundary", false, LineMatching::trimmedBoundary),
    UNICODE_NORMALIZED("unicode_normalized", false, CharMatching::unicodeNormalized),
    BLOCK_ANCHOR("block_anchor", true, SimilarityMatching::blockAnchor),
    CONTEXT_AWARE("context_aware", true, SimilarityMatching::contextAware);

    private final String wireName;
    private final boolean approximate;
    private final BiFunction<String, String, List<Span>> finder;

    MatchStrategy(String wireName, boolean approximate, BiFunction<String, String, List<Span>> finder) {
        this.wireName = wireName;
        this.approximate = approximate;
        this.finder = finder;
    }

    /** The name the result reports, as the original spells it. */
    String wireName() {
        return wireName;
    }

    /**
     * True when a match only resembles old_string. Such a match is fine for one edit the model pointed at, but never for
     * replace_all, which would rewrite every merely similar block.
     */
    boolean approximate() {
        return approximate;
    }

    /** Where old_string occurs in content, left to right, without overlaps. */
    List<Span> find(String content, String oldString) {
        return finder.apply(content, oldString);
    }
}
