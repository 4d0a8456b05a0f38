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
            int cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut >= limit / 2) {
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
                continue;
            }
            int hard = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
            pieces.add(rest.substring(0, hard));
            rest = rest.substring(hard);
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }
}
