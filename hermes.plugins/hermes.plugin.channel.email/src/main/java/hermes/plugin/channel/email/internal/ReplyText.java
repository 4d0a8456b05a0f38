package hermes.plugin.channel.email.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns an email body into the words the sender actually wrote: the quoted message below an attribution line
 * ({@code On Mon, 1 Jan 2026 … wrote:}), a quote at the bottom, and a signature after the standard {@code -- }
 * delimiter are cut. Conservative on purpose: quotes interleaved with new text are kept (the answers would lose their
 * questions), and when cutting would leave nothing the whole body is returned.
 */
final class ReplyText {

    /** An attribution line, possibly wrapped over two lines by the sender's client. */
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*On\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_END = Pattern.compile(".*\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_MARKER = Pattern.compile("^\\s*-{3,}\\s*Original Message\\s*-{3,}\\s*$",
            Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    static String strip(String body) {
        List<String> lines = new ArrayList<>(List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        cutAtAttribution(lines);
        cutAtSignature(lines);
        dropTrailingQuote(lines);
        String stripped = String.join("\n", lines).strip();
        return stripped.isEmpty() ? body.strip() : stripped;
    }

    /** Cuts at "On … wrote:" when a quote follows it, and at an Outlook "Original Message" marker. */
    private static void cutAtAttribution(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FORWARD_MARKER.matcher(line).matches()) {
                lines.subList(i, lines.size()).clear();
                return;
            }
            if (!ATTRIBUTION_START.matcher(line).matches()) {
                continue;
            }
            int end = ATTRIBUTION_END.matcher(line).matches() ? i
                    : i + 1 < lines.size() && ATTRIBUTION_END.matcher(lines.get(i + 1)).matches() ? i + 1 : -1;
            if (end >= 0 && quoteFollows(lines, end + 1)) {
                lines.subList(i, lines.size()).clear();
                return;
            }
        }
    }

    private static boolean quoteFollows(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).stripLeading().startsWith(">");
            }
        }
        return true;
    }

    /** Cuts at the RFC 3676 signature delimiter, a line of "-- ". */
    private static void cutAtSignature(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).equals("-- ") || lines.get(i).equals("--")) {
                lines.subList(i, lines.size()).clear();
                return;
            }
        }
    }

    /** Drops a block of quoted lines at the very end (a bottom quote with no attribution). */
    private static void dropTrailingQuote(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && (lines.get(start - 1).stripLeading().startsWith(">") || lines.get(start - 1).isBlank())) {
            start--;
        }
        if (start < end) {
            lines.subList(start, lines.size()).clear();
        }
    }
}
