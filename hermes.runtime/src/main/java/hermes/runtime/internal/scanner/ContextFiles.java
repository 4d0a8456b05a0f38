package hermes.runtime.internal.scanner;

import java.util.stream.Collectors;

/**
 * What a project context file ({@code AGENTS.md}, {@code .hermes.md}, {@code SOUL.md}, …) contributes to the system
 * prompt: the whole file replaced by one {@code [BLOCKED: …]} line when the context-scope scan finds anything, otherwise
 * the file cut to {@value #MAX_CHARS} characters, keeping the head and the tail around a marker.
 */
public final class ContextFiles {

    static final int MAX_CHARS = 20_000;
    /** 70 % head and 20 % tail; the remaining tenth is room for the marker. */
    private static final double HEAD_RATIO = 0.7;
    private static final double TAIL_RATIO = 0.2;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ContextFiles() {
    }

    /**
     * The text to load for the file {@code name}. A leading byte-order mark is an encoding artefact, not an attack, so
     * it is dropped before the scan. Lengths count code points, as the original's Python strings do.
     */
    public static String sanitize(String name, String text) {
        String content = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        ScanResult result = ThreatScanner.scan(content, Scope.CONTEXT);
        if (result.blocked()) {
            return "[BLOCKED: " + name + " contained potential prompt injection ("
                    + result.findings().stream().map(Finding::id).collect(Collectors.joining(", "))
                    + "). Content not loaded.]";
        }
        return truncate(name, content, MAX_CHARS);
    }

    /** {@code text} itself when it fits in {@code maxChars}, else its head and tail around a marker naming the cut. */
    static String truncate(String name, String text, int maxChars) {
        int total = text.codePointCount(0, text.length());
        if (total <= maxChars) {
            return text;
        }
        int head = (int) (maxChars * HEAD_RATIO);
        int tail = (int) (maxChars * TAIL_RATIO);
        return text.substring(0, text.offsetByCodePoints(0, head))
                + "\n\n[...truncated " + name + ": kept " + head + "+" + tail + " of " + total
                + " chars. Use file tools to read the full file.]\n\n"
                + text.substring(text.offsetByCodePoints(text.length(), -tail));
    }
}
