package hermes.runtime.internal.approvals;

/**
 * Decodes bash's {@code $'…'} strings. Without this, {@code $'\x72\x6d' -rf /}, which bash runs as
 * {@code rm -rf /}, would reach the rules as an unreadable word.
 */
final class AnsiCQuoting {

    private AnsiCQuoting() {
    }

    /** The decoded text and the index just past the closing quote (or the end of the input if it never closes). */
    record Decoded(String text, int end) {
    }

    /** @param start the index just after the opening {@code $'} */
    static Decoded decode(String source, int start) {
        StringBuilder text = new StringBuilder();
        int pos = start;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\'') {
                return new Decoded(text.toString(), pos + 1);
            }
            if (c != '\\' || pos + 1 >= source.length()) {
                text.append(c);
                pos++;
                continue;
            }
            char escape = source.charAt(pos + 1);
            pos += 2;
            switch (escape) {
                case 'n' -> text.append('\n');
                case 't', 'v', 'f' -> text.append(' ');
                case 'r', 'a', 'b', 'e', 'E' -> {
                    // control characters: invisible to the rules, as they are in a cleaned command
                }
                case 'x' -> pos = number(source, pos, 16, 2, text);
                case 'u' -> pos = number(source, pos, 16, 4, text);
                case 'U' -> pos = number(source, pos, 16, 8, text);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> pos = number(source, pos - 1, 8, 3, text);
                default -> text.append(escape); // \\ \' \" \? and anything unknown stand for themselves
            }
        }
        return new Decoded(text.toString(), pos);
    }

    /** Reads up to {@code maxDigits} digits of {@code radix} at {@code pos}, appends the character, returns the end. */
    private static int number(String source, int pos, int radix, int maxDigits, StringBuilder text) {
        int end = pos;
        while (end < source.length() && end - pos < maxDigits && Character.digit(source.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == pos) {
            return pos;
        }
        int codePoint = Integer.parseInt(source, pos, end, radix);
        if (Character.isValidCodePoint(codePoint) && !Character.isISOControl(codePoint)) {
            text.appendCodePoint(codePoint);
        }
        return end;
    }
}
