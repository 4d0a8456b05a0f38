package hermes.plugin.tools.memory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The memory tool's three edits on one store's current entries, as pure functions: what to write (if anything) and
 * the result the model reads, in the original's shape. Content and {@code old_text} arrive untrimmed; matching is by
 * substring of the trimmed {@code old_text}.
 *
 * @param target the store's name as the model gives it, {@code memory} or {@code user}
 * @param entries the store's entries as read just now
 * @param limit the store's character limit
 */
record MemoryEdits(String target, List<String> entries, int limit) {

    /** Previews in an ambiguity error are cut to this many characters. */
    private static final int PREVIEW_LENGTH = 80;

    MemoryEdits {
        entries = List.copyOf(entries);
    }

    /**
     * What an edit comes to.
     *
     * @param write the entries to write, empty when nothing changes
     * @param result the result object the model reads ({@code success} first)
     */
    record Outcome(Optional<List<String>> write, Map<String, Object> result) {

        boolean success() {
            return Boolean.TRUE.equals(result.get("success"));
        }
    }

    Outcome add(String content) {
        String entry = content.strip();
        if (entry.isEmpty()) {
            return failure("Content cannot be empty. Pass the fact to remember as content.");
        }
        if (entries.contains(entry)) {
            return unchanged("Entry already exists (no duplicate added).");
        }
        List<String> updated = new ArrayList<>(entries);
        updated.add(entry);
        int total = MemoryFormat.usage(updated);
        if (total > limit) {
            int used = MemoryFormat.usage(entries);
            return failure("Memory at " + MemoryFormat.usageFraction(used, limit) + " chars. Adding this entry ("
                    + MemoryFormat.length(entry) + " chars) would exceed the limit. Consolidate now: 'replace' "
                    + "overlapping entries with one shorter entry or 'remove' stale ones (see current_entries), then "
                    + "retry this add.", withEntriesAndUsage());
        }
        return changed(updated, "Entry added.");
    }

    Outcome replace(String oldText, String content) {
        String needle = oldText.strip();
        String replacement = content.strip();
        if (needle.isEmpty()) {
            return failure("old_text cannot be empty. Pass a short unique part of the entry to replace.");
        }
        if (replacement.isEmpty()) {
            return failure("new content cannot be empty. Use 'remove' to delete entries.");
        }
        return act(match(needle), index -> {
            List<String> updated = new ArrayList<>(entries);
            updated.set(index, replacement);
            int total = MemoryFormat.usage(updated);
            if (total > limit) {
                return failure("Replacement would put memory at " + MemoryFormat.usageFraction(total, limit)
                        + " chars. Shorten the new content, or 'remove' other stale entries to make room (see "
                        + "current_entries), then retry.", withEntriesAndUsage());
            }
            return changed(updated, "Entry replaced.");
        });
    }

    Outcome remove(String oldText) {
        String needle = oldText.strip();
        if (needle.isEmpty()) {
            return failure("old_text cannot be empty. Pass a short unique part of the entry to remove.");
        }
        return act(match(needle), index -> {
            List<String> updated = new ArrayList<>(entries);
            updated.remove((int) index);
            return changed(updated, "Entry removed.");
        });
    }

    /** The error for a replace or remove that came without {@code old_text}, with the entries to pick from. */
    Outcome missingOldText(String action) {
        return failure("'" + action + "' needs old_text, a short unique part of the entry to " + action + ". Reissue "
                + "the call with old_text set to part of one of the current_entries.", withEntriesAndUsage());
    }

    /** The success result for the entries as they now are. */
    private Map<String, Object> success(List<String> current, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.put("target", target);
        result.put("entries", current);
        result.put("usage", MemoryFormat.usageLine(MemoryFormat.usage(current), limit));
        result.put("entry_count", current.size());
        result.put("message", message);
        return result;
    }

    private Outcome changed(List<String> updated, String message) {
        // what the file will read back as: the store drops duplicates a replace may have made
        List<String> written = List.copyOf(new LinkedHashSet<>(updated));
        return new Outcome(Optional.of(written), success(written, message));
    }

    private Outcome unchanged(String message) {
        return new Outcome(Optional.empty(), success(entries, message));
    }

    private Outcome failure(String error) {
        return failure(error, Map.of());
    }

    private Outcome failure(String error, Map<String, Object> details) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", false);
        result.put("error", error);
        result.putAll(details);
        return new Outcome(Optional.empty(), result);
    }

    private Map<String, Object> withEntriesAndUsage() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("current_entries", entries);
        details.put("usage", MemoryFormat.usageFraction(MemoryFormat.usage(entries), limit));
        return details;
    }

    /** Which entries {@code old_text} picks: exactly one is {@link Found}, anything else is an error. */
    private sealed interface Match {
    }

    private record Found(int index) implements Match {
    }

    /** No entry, or several different entries, contain the text. */
    private record Mismatch(String needle, List<String> candidates) implements Match {
    }

    private Outcome act(Match match, IntFunction<Outcome> action) {
        return switch (match) {
            case Found found -> action.apply(found.index());
            case Mismatch mismatch -> unmatched(mismatch);
        };
    }

    private Outcome unmatched(Mismatch mismatch) {
        if (mismatch.candidates().isEmpty()) {
            return failure("No entry matched '" + mismatch.needle() + "'. Check current_entries and retry with part "
                    + "of the exact text of the entry you mean.", Map.of("current_entries", entries));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matches", mismatch.candidates().stream().map(MemoryEdits::preview).toList());
        details.put("current_entries", entries);
        return failure("Multiple entries matched '" + mismatch.needle() + "'. Be more specific: pass a part of "
                + "old_text that only one of them contains.", details);
    }

    private Match match(String needle) {
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).contains(needle)) {
                hits.add(i);
            }
        }
        List<String> distinct = hits.stream().map(entries::get).distinct().toList();
        // identical matches are one entry written twice: acting on the first is safe
        return distinct.size() == 1 ? new Found(hits.getFirst()) : new Mismatch(needle, distinct);
    }

    private static String preview(String entry) {
        if (MemoryFormat.length(entry) <= PREVIEW_LENGTH) {
            return entry;
        }
        return entry.substring(0, entry.offsetByCodePoints(0, PREVIEW_LENGTH)) + "...";
    }
}
