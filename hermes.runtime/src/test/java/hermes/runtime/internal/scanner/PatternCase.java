package hermes.runtime.internal.scanner;

/**
 * A pattern's test: text it must catch at its own scope and a near miss it must not.
 *
 * @param id       the pattern id
 * @param scope    the smallest scope the pattern belongs to
 * @param match    text the pattern catches
 * @param nearMiss similar, legitimate text the pattern lets pass
 */
record PatternCase(String id, Scope scope, String match, String nearMiss) {

    @Override
    public String toString() {
        return id + ": " + match.replace("\n", "⏎");
    }
}
