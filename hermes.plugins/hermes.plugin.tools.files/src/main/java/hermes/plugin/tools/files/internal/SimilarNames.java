package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Names in a missing file's directory that the model probably meant ("did you mean"). */
final class SimilarNames {

    static final int MAX_SUGGESTIONS = 5;

    private SimilarNames() {
    }

    /** Up to five entries of {@code missing}'s directory, closest first; empty when none is close or the dir is gone. */
    static List<String> near(Path missing) {
        Path directory = missing.getParent();
        if (directory == null || missing.getFileName() == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        String wanted = missing.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> isSimilar(wanted, name.toLowerCase(Locale.ROOT)))
                    .sorted(Comparator.comparingInt((String name) -> distance(wanted, name.toLowerCase(Locale.ROOT)))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(MAX_SUGGESTIONS)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The error text for a missing file, with suggestions when there are some. */
    static String missingFileMessage(String argument, Path missing) {
        List<String> similar = near(missing);
        String message = "file not found: " + argument;
        if (!similar.isEmpty()) {
            Path directory = missing.getParent();
            message += "; did you mean: " + String.join(", ",
                    similar.stream().map(name -> directory.resolve(name).toString()).toList()) + "?";
        } else if (missing.getParent() != null && !Files.isDirectory(missing.getParent())) {
            message += " (the directory " + missing.getParent() + " does not exist either)";
        }
        return message + " Use search_files with target=files to find it.";
    }

    private static boolean isSimilar(String wanted, String candidate) {
        if (wanted.equals(candidate)) {
            return true;
        }
        int shorter = Math.min(wanted.length(), candidate.length());
        int prefix = commonPrefix(wanted, candidate);
        if (prefix >= 3 && prefix * 2 >= shorter) {
            return true;
        }
        return distance(wanted, candidate) <= Math.max(2, wanted.length() / 4);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Levenshtein distance, two rows. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
