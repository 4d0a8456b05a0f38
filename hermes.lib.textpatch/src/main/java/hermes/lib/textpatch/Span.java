package hermes.lib.textpatch;

/** A region of a text, {@code [start, end)} in chars. */
record Span(int start, int end) {

    Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
