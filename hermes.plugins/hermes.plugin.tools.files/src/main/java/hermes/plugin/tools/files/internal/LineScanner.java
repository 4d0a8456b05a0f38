package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r} end a line) but keeps at most {@code maxChars} of each, so a
 * minified one-line file of many megabytes never sits in memory whole.
 */
final class LineScanner {

    private final Reader reader;
    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final char[] buffer = new char[8192];
    private int position;
    private int filled;
    private long fullLength;
    private boolean pendingCarriageReturn;

    LineScanner(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** Moves to the next line; false at the end of the input. A final line without a line break still counts. */
    boolean next() throws IOException {
        text.setLength(0);
        fullLength = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == filled) {
                filled = reader.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    return sawAnything;
                }
            }
            char c = buffer[position++];
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n') {
                return true;
            }
            if (c == '\r') {
                pendingCarriageReturn = true;
                return true;
            }
            sawAnything = true;
            fullLength++;
            if (text.length() < maxChars) {
                text.append(c);
            }
        }
    }

    /** The current line, cut to {@code maxChars}. */
    String text() {
        return text.toString();
    }

    /** The current line's length before cutting. */
    long fullLength() {
        return fullLength;
    }
}
