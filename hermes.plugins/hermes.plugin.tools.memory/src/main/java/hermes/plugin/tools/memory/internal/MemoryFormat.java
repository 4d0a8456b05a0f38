package hermes.plugin.tools.memory.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The original's on-disk format of {@code MEMORY.md} and {@code USER.md}: entries joined by newline, {@code §},
 * newline, with no trailing newline; and its way of counting (Unicode code points, as Python's {@code len}).
 */
final class MemoryFormat {

    /** Between two entries. An entry may contain newlines and even a lone {@code §}, just not this sequence. */
    static final String DELIMITER = "\n§\n";

    private static final Pattern SPLIT = Pattern.compile(Pattern.quote(DELIMITER));

    private MemoryFormat() {
    }

    /** The entries of a file: split at the delimiter, each trimmed, empty ones dropped, duplicates kept. */
    static List<String> parse(String raw) {
        List<String> entries = new ArrayList<>();
        if (raw.isBlank()) {
            return entries;
        }
        for (String part : SPLIT.split(raw, -1)) {
            String entry = part.strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The entries as the original loads them: parsed, then duplicates removed (the first occurrence stays). */
    static List<String> load(String raw) {
        return List.copyOf(new LinkedHashSet<>(parse(raw)));
    }

    /** The file text for {@code entries}; an empty store is an empty file. */
    static String serialize(List<String> entries) {
        return String.join(DELIMITER, entries);
    }

    /** The length the original measures: characters as code points, not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The store's size as the limits count it: all entries joined with the delimiter. */
    static int usage(List<String> entries) {
        return length(serialize(entries));
    }

    /**
     * Why a file cannot be rewritten without losing something, or empty text when it can: it does not survive
     * parse-then-serialize (apart from surrounding whitespace), or one entry is longer than the whole store may be —
     * the sign that something other than the memory tool appended to it (the original's issue #26045).
     */
    static String drift(String raw, int charLimit) {
        if (raw.isBlank()) {
            return "";
        }
        List<String> parsed = parse(raw);
        if (!raw.strip().equals(serialize(parsed))) {
            return "the file does not round-trip through the entry format";
        }
        int longest = parsed.stream().mapToInt(MemoryFormat::length).max().orElse(0);
        if (longest > charLimit) {
            return "one entry has " + longest + " chars, more than the whole store's limit of " + charLimit;
        }
        return "";
    }

    /** {@code 1,234/2,200}: the usage in an error, grouped with commas as the original prints it. */
    static String usageFraction(int used, int limit) {
        return String.format(Locale.ROOT, "%,d/%,d", used, limit);
    }

    /** {@code 56% — 1,234/2,200 chars}: the usage in a success result and the snapshot header. */
    static String usageLine(int used, int limit) {
        return percent(used, limit) + "% — " + usageFraction(used, limit) + " chars";
    }

    /** Whole percent, rounded down and capped at 100, computed in floating point as the original does. */
    static int percent(int used, int limit) {
        return (int) Math.min(100, (double) used / limit * 100);
    }
}
