package hermes.plugin.provider.openai.internal;

import java.util.function.Consumer;

/**
 * Separates {@code <think>…</think>} blocks from a model's content: many open-weight models (DeepSeek R1 distills, Qwen,
 * MiniMax) put their reasoning there instead of in a reasoning field. The tags may be split across stream chunks, so a
 * chunk's tail that could be the start of a tag is held back until the next chunk decides.
 *
 * <p>Not thread-safe: one instance per answer, fed in stream order.
 */
final class ThinkTagSplitter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private final Consumer<String> text;
    private final Consumer<String> reasoning;
    private final StringBuilder undecided = new StringBuilder();
    private boolean inThink;
    private boolean textStarted;
    /** Models put blank lines after a leading think block; they are layout around it, not part of the answer. */
    private boolean skipLeadingSpace;

    ThinkTagSplitter(Consumer<String> text, Consumer<String> reasoning) {
        this.text = text;
        this.reasoning = reasoning;
    }

    /** Takes the next piece of content and passes on what is decided. */
    void accept(String delta) {
        undecided.append(delta);
        while (true) {
            String tag = inThink ? CLOSE : OPEN;
            int at = undecided.indexOf(tag);
            if (at < 0) {
                int decided = undecided.length() - partialTagAtEnd(tag);
                emit(undecided.substring(0, decided));
                undecided.delete(0, decided);
                return;
            }
            emit(undecided.substring(0, at));
            undecided.delete(0, at + tag.length());
            inThink = !inThink;
            skipLeadingSpace = !inThink && !textStarted;
        }
    }

    /** Passes on what was held back: the content ended, so it was no tag. */
    void finish() {
        emit(undecided.toString());
        undecided.setLength(0);
    }

    /** The length of the longest tail of the held text that is a proper beginning of {@code tag}. */
    private int partialTagAtEnd(String tag) {
        for (int length = Math.min(tag.length() - 1, undecided.length()); length > 0; length--) {
            if (undecided.indexOf(tag.substring(0, length), undecided.length() - length) >= 0) {
                return length;
            }
        }
        return 0;
    }

    private void emit(String piece) {
        if (inThink) {
            if (!piece.isEmpty()) {
                reasoning.accept(piece);
            }
            return;
        }
        String shown = skipLeadingSpace ? piece.stripLeading() : piece;
        if (!shown.isEmpty()) {
            skipLeadingSpace = false;
            textStarted = true;
            text.accept(shown);
        }
    }
}
