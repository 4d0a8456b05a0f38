package hermes.plugin.channel.telegram.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into pieces Telegram accepts ({@value #MAX_MESSAGE_LENGTH} characters a message): at the last line
 * break in the second half of the allowance, else the last space there, else hard at the limit (never between the
 * two halves of a surrogate pair). The line break or space at a cut is dropped; nothing else is changed.
 */
final class TextSplitter {

    static final int MAX_MESSAGE_LENGTH = 4096;

    private TextSplitter() {
    }

    static List<String> split(String text, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int end = firstPieceEnd(rest, limit);
            pieces.add(rest.substring(0, end));
            rest = rest.substring(restStart(rest, end));
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /**
     * What follows the first piece of {@code text} (empty when it fits in one): an edited message holds the first
     * piece and the rest goes out as new messages, cut exactly as {@link #split} would have cut the whole.
     */
    static String afterFirstPiece(String text, int limit) {
        return text.length() <= limit ? "" : text.substring(restStart(text, firstPieceEnd(text, limit)));
    }

    private static int firstPieceEnd(String text, int limit) {
        int cut = text.lastIndexOf('\n', limit);
        if (cut < limit / 2) {
            cut = text.lastIndexOf(' ', limit);
        }
        if (cut >= limit / 2) {
            return cut;
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    /** A soft cut sits on the line break or space it drops; a hard cut drops nothing. */
    private static int restStart(String text, int end) {
        char at = text.charAt(end);
        return at == '\n' || at == ' ' ? end + 1 : end;
    }
}
