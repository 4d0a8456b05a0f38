package hermes.runtime.internal.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the program a simple command runs, by peeling what merely launches it: assignments ({@code A=1 cmd}), shell
 * keywords ({@code then cmd}, {@code ! cmd}, <code>{ cmd</code>) and wrappers with their options ({@code sudo -u x},
 * {@code env -i A=1}, {@code nohup}, {@code timeout 5}, {@code bash -c}, …). Each command word is reduced to its base
 * name on the way ({@code /usr/bin/sudo /sbin/reboot} is {@code sudo reboot}): the rules name programs, not paths.
 *
 * <p>A wrapper that only queries ({@code command -v reboot}) runs nothing, so it is the command itself. Stateless.
 */
final class CommandWords {

    private CommandWords() {
    }

    static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "ksh", "dash");

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=.*", Pattern.DOTALL);
    private static final Set<String> SUDO_LONG_VALUES = Set.of("--user", "--group", "--prompt", "--chdir", "--host",
            "--role", "--type", "--other-user", "--command-timeout", "--close-from", "--chroot");
    private static final Set<String> XARGS_LONG_VALUES = Set.of("--arg-file", "--delimiter", "--max-lines",
            "--max-args", "--max-procs", "--max-chars", "--process-slot-var");

    /**
     * One simple command after analysis.
     *
     * @param words        the words, command-position paths reduced
     * @param commandIndex index of the program's word; {@code words.size()} when only wrappers or assignments remain
     */
    record Simple(List<String> words, int commandIndex) {

        Simple {
            words = List.copyOf(words);
        }

        boolean hasCommand() {
            return commandIndex < words.size();
        }

        /** The program and its arguments, one line. */
        String command() {
            return String.join(" ", words.subList(commandIndex, words.size())).replace('\n', ' ');
        }
    }

    static Simple analyse(List<String> words) {
        List<String> reduced = new ArrayList<>(words);
        int i = 0;
        while (i < reduced.size()) {
            String word = reduced.get(i);
            if (word.length() > 1 && word.startsWith("/") && !word.endsWith("/")) {
                word = word.substring(word.lastIndexOf('/') + 1);
                reduced.set(i, word);
            }
            String name = word.toLowerCase(Locale.ROOT);
            if (KEYWORDS.contains(name) || ASSIGNMENT.matcher(word).matches()) {
                i++;
                continue;
            }
            int next = afterWrapper(name, reduced, i);
            if (next < 0) {
                break;
            }
            i = next;
        }
        return new Simple(reduced, Math.min(i, reduced.size()));
    }

    static String baseName(String word) {
        return word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** The index of the wrapped command's first word, or -1 when {@code name} does not wrap a command here. */
    private static int afterWrapper(String name, List<String> w, int i) {
        return switch (name) {
            case "sudo", "doas" -> afterOptions(w, i + 1, "ugpCDhrtUTR", SUDO_LONG_VALUES);
            case "env" -> afterEnv(w, i + 1);
            case "exec" -> afterOptions(w, i + 1, "a", Set.of());
            case "nohup", "setsid", "builtin", "busybox", "toybox" -> afterOptions(w, i + 1, "", Set.of());
            case "time" -> afterOptions(w, i + 1, "fo", Set.of("--format", "--output"));
            case "nice" -> afterOptions(w, i + 1, "n", Set.of("--adjustment"));
            case "stdbuf" -> afterOptions(w, i + 1, "ioe", Set.of());
            case "ionice" -> hasOption(w, i + 1, "pPu") ? -1 : afterOptions(w, i + 1, "cn", Set.of());
            case "xargs" -> afterOptions(w, i + 1, "adEILnPs", XARGS_LONG_VALUES);
            case "timeout" -> {
                int duration = afterOptions(w, i + 1, "sk", Set.of("--signal", "--kill-after"));
                yield duration < w.size() ? duration + 1 : -1;
            }
            case "command" -> hasOption(w, i + 1, "vV") ? -1 : afterOptions(w, i + 1, "", Set.of());
            case "eval" -> i + 1;
            case "su" -> afterCodeFlag(w, i + 1, true);
            default -> SHELLS.contains(name) ? afterCodeFlag(w, i + 1, false) : -1;
        };
    }

    /**
     * Skips option words from {@code j}: up to {@code --} or the first word without a dash. A short option whose
     * letter is in {@code valueLetters} and ends its bundle ({@code -u root}, {@code -nu root}) takes the next word.
     */
    private static int afterOptions(List<String> w, int j, String valueLetters, Set<String> longValues) {
        while (j < w.size()) {
            String option = w.get(j);
            if (option.equals("--")) {
                return j + 1;
            }
            if (!option.startsWith("-") || option.equals("-")) {
                return j;
            }
            j += takesValue(option, valueLetters, longValues) ? 2 : 1;
        }
        return j;
    }

    /** Whether the option's value is the next word: {@code -u root}, {@code -nu root}, not {@code -uroot}. */
    private static boolean takesValue(String option, String valueLetters, Set<String> longValues) {
        if (option.startsWith("--")) {
            return longValues.contains(option);
        }
        for (int k = 1; k < option.length(); k++) {
            if (valueLetters.indexOf(option.charAt(k)) >= 0) {
                return k == option.length() - 1;
            }
        }
        return false;
    }

    private static int afterEnv(List<String> w, int j) {
        while (j < w.size()) {
            String word = w.get(j);
            if (word.equals("-S") || word.equals("--split-string")) {
                return j + 1; // the next word is the command line itself
            }
            if (word.startsWith("-") && !word.equals("-")) {
                j += takesValue(word, "uC", Set.of("--unset", "--chdir")) ? 2 : 1; // assignments may follow
            } else if (ASSIGNMENT.matcher(word).matches()) {
                j++;
            } else {
                return j;
            }
        }
        return j;
    }

    /** After {@code sh -c} / {@code su -c}: the script is the next word. Without {@code -c} a shell is the command. */
    private static int afterCodeFlag(List<String> w, int j, boolean operandsAllowed) {
        for (; j < w.size(); j++) {
            String word = w.get(j);
            if (ShellScanner.CODE_FLAG.matcher(word).matches()) {
                return j + 1;
            }
            boolean option = word.startsWith("-") || word.startsWith("+");
            if (!option && !operandsAllowed) {
                return -1;
            }
            if (word.equals("-o") || word.equals("+o") || word.equals("-O") || word.equals("+O")) {
                j++; // set -o / shopt -O take the option name
            }
        }
        return -1;
    }

    private static boolean hasOption(List<String> w, int j, String letters) {
        for (; j < w.size() && w.get(j).startsWith("-") && !w.get(j).equals("--"); j++) {
            String option = w.get(j);
            if (!option.startsWith("--") && option.chars().skip(1).anyMatch(c -> letters.indexOf(c) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
