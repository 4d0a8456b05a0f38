package hermes.plugin.tools.memory.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The frozen memory block the original puts into the system prompt at session start (its volatile tier), as a pure
 * function of the entries read then. For each non-empty store, in the order notes then user profile:
 *
 * <pre>
 * ══════════════════════════════════════════════ (46 × U+2550)
 * MEMORY (your personal notes) [4% — 105/2,200 chars]
 * ══════════════════════════════════════════════
 * entry one
 * §
 * entry two
 * </pre>
 *
 * The user block's header is {@code USER PROFILE (who the user is) [P% — used/limit chars]}. The two blocks are
 * separated by an empty line (the original joins prompt parts with {@code "\n\n"}); an empty store adds no block, so two
 * empty stores render as empty text. There is no trailing newline.
 *
 * <p>The original also replaces entries that match the threat scanner with a {@code [BLOCKED: …]} placeholder in the
 * snapshot only; that is the scanner's job: map the entries through it before calling {@link #render}.
 */
public final class MemorySnapshot {

    private static final String RULE = "═".repeat(46);

    private MemorySnapshot() {
    }

    /** The block with the original's default limits (2,200 and 1,375 chars). */
    public static String render(List<String> memory, List<String> user) {
        return render(memory, user, MemoryLimits.DEFAULTS.memory(), MemoryLimits.DEFAULTS.user());
    }

    /** The block with configured limits ({@code memory.memory_char_limit}, {@code memory.user_char_limit}). */
    public static String render(List<String> memory, List<String> user, int memoryLimit, int userLimit) {
        List<String> blocks = new ArrayList<>(2);
        if (!memory.isEmpty()) {
            blocks.add(block("MEMORY (your personal notes)", memory, memoryLimit));
        }
        if (!user.isEmpty()) {
            blocks.add(block("USER PROFILE (who the user is)", user, userLimit));
        }
        return String.join("\n\n", blocks);
    }

    private static String block(String title, List<String> entries, int limit) {
        String content = MemoryFormat.serialize(entries);
        String header = title + " [" + MemoryFormat.usageLine(MemoryFormat.length(content), limit) + "]";
        return RULE + "\n" + header + "\n" + RULE + "\n" + content;
    }
}
