package hermes.plugin.tools.terminal.internal;

/**
 * The last {@code capacity} characters of a background process's output, with positions counted over everything it
 * ever wrote, so a reader can ask for "what is new since position p" even after old text rolled away.
 *
 * <p>Threading: one writer, any number of readers.
 */
final class RollingBuffer {

    private final int capacity;
    /** Holds up to twice the capacity, so old text is dropped in large steps instead of on every append. */
    private final StringBuilder text = new StringBuilder();
    private long written;

    RollingBuffer(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Text between two positions of the whole output.
     *
     * @param text the text still held from the requested position on
     * @param end the position after the text
     * @param lost characters after the requested position that had already rolled away
     */
    record Slice(String text, long end, long lost) {
    }

    synchronized void append(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
        written += length;
        if (text.length() > 2 * capacity) {
            text.delete(0, text.length() - capacity);
        }
    }

    /** Everything written after position {@code from} that is still held. */
    synchronized Slice since(long from) {
        long heldFrom = written - held();
        long start = Math.max(from, heldFrom);
        String slice = text.substring(text.length() - (int) (written - start));
        return new Slice(slice, written, Math.max(0, heldFrom - from));
    }

    /** The held text: the last {@code capacity} characters. */
    synchronized String text() {
        return text.substring(text.length() - held());
    }

    private int held() {
        return Math.min(capacity, text.length());
    }
}
