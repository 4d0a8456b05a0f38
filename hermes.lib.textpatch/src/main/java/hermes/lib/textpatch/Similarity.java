package hermes.lib.textpatch;

/**
 * How alike two strings are, from 0 (nothing shared) to 1 (equal): twice the longest common subsequence over the total
 * length, the same measure as Python's {@code difflib} ratio for typical lines.
 */
final class Similarity {

    // Lines longer than this are compared by their start only, so one minified line cannot make a scan quadratic.
    private static final int MAX_COMPARED_CHARS = 1000;

    private Similarity() {
    }

    static double ratio(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        String left = cut(a);
        String right = cut(b);
        int total = left.length() + right.length();
        if (total == 0) {
            return 1.0;
        }
        return 2.0 * longestCommonSubsequence(left, right) / total;
    }

    /** {@link #ratio} ≥ {@code threshold}, skipping the full computation when a cheap upper bound already fails. */
    static boolean atLeast(String a, String b, double threshold) {
        if (a.equals(b)) {
            return true;
        }
        String left = cut(a);
        String right = cut(b);
        int total = left.length() + right.length();
        if (total == 0) {
            return true;
        }
        if (2.0 * Math.min(left.length(), right.length()) / total < threshold
                || 2.0 * sharedCharacters(left, right) / total < threshold) {
            return false;
        }
        return 2.0 * longestCommonSubsequence(left, right) / total >= threshold;
    }

    private static String cut(String text) {
        return text.length() > MAX_COMPARED_CHARS ? text.substring(0, MAX_COMPARED_CHARS) : text;
    }

    /** An upper bound of the common subsequence: characters both strings hold, counted with multiplicity. */
    private static int sharedCharacters(String a, String b) {
        int[] counts = new int[128];
        int otherA = 0;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                otherA++;
            }
        }
        int shared = 0;
        int otherB = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c < 128) {
                if (counts[c] > 0) {
                    counts[c]--;
                    shared++;
                }
            } else {
                otherB++;
            }
        }
        return shared + Math.min(otherA, otherB);
    }

    private static int longestCommonSubsequence(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            char c = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                current[j] = c == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
