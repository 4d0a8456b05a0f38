package hermes.runtime.internal.approvals;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import hermes.runtime.internal.approvals.ShellScanner.Operator;
import hermes.runtime.internal.approvals.ShellScanner.Token;
import hermes.runtime.internal.approvals.ShellScanner.Word;

/**
 * Turns a command into what the detection rules match, so that spelling tricks which change nothing for the shell
 * change nothing for detection either. The original normalises for the same reason and pins its bypass cases by tests.
 *
 * <p>Steps, in order, each with the trick it defeats:
 * <ol>
 * <li><b>ANSI escapes removed</b> (CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes, 8-bit CSI): they are invisible
 * in a terminal and split a word for the regexes ({@code r\e[0mm}). Bash, though, runs their bytes as text, and a
 * sequence can swallow what it runs ({@code ls\e[1;reboot} is the sequence {@code \e[1;r} to a terminal), so
 * {@link #readings(String)} also gives the reading with only the escape bytes removed.</li>
 * <li><b>CR LF becomes LF</b>, then <b>control characters removed</b> (NUL, CR, C1, DEL; tab and newline stay): a NUL
 * or stray control byte inside {@code rm} must not make it a different word.</li>
 * <li><b>NFKC</b>: fullwidth and compatibility forms ({@code ｒｍ -ｒｆ /}) read as their ASCII letters.</li>
 * <li><b>Backslash-newline joined</b>: the shell joins continuation lines ({@code rm -rf \⏎/} is {@code rm -rf /});
 * this must run before escapes are removed, or the backslash would survive between two words.</li>
 * <li><b>{@code $IFS} and {@code ${IFS…}} become a space</b>: the shell splits words on it
 * ({@code rm${IFS}-rf${IFS}/}).</li>
 * <li><b>Shell reading</b> ({@link ShellScanner}): quotes and escapes removed ({@code 'rm'}, {@code "rm"},
 * {@code r''m}, {@code \rm}, {@code $'\x72m'}), newlines treated as command separators, quoted separators kept as
 * data, {@code sh -c '…'} and {@code $(…)} read as commands, heredoc body lines read as command lines.</li>
 * <li><b>Whitespace collapsed</b> to single spaces, lines kept: the regexes can then say {@code \s+} without caring
 * about tabs or runs of blanks.</li>
 * <li><b>Command paths reduced</b> to base names at command positions only ({@code /bin/rm}, {@code /usr/bin/sudo}),
 * never in arguments, where {@code rm -rf /usr} must keep its path ({@link CommandWords}).</li>
 * <li><b>Wrappers peeled</b> for {@link NormalizedCommand#commands()} ({@code sudo -u x}, {@code env A=1},
 * {@code nohup}, {@code exec}, {@code time}, …), so rules that must sit at a command position see the program.</li>
 * </ol>
 * Case is not folded here: every rule matches case-insensitively, as the original lower-cases before matching, and a
 * rule that needs case (git's {@code -D}) says so in its regex.
 *
 * <p>Stateless and thread-safe.
 */
final class CommandNormalizer {

    private static final Pattern ANSI = Pattern.compile(
            "\\x1B\\[[0-?]*[ -/]*[@-~]"                          // CSI: colours, cursor movement
                    + "|\\x1B\\][^\\x07\\x1B\\n]*(?:\\x07|\\x1B\\\\)"   // OSC: titles, hyperlinks
                    + "|\\x1B[PX^_][^\\x1B\\n]*\\x1B\\\\"              // DCS, SOS, PM, APC strings
                    + "|\\x1B[@-Z\\\\-_]"                             // two-byte escapes
                    + "|\\x9B[0-?]*[ -/]*[@-~]");                     // 8-bit CSI
    private static final char ESCAPE = 0x1B;
    private static final char EIGHT_BIT_CSI = 0x9B;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern CONTINUATION = Pattern.compile("\\\\\\n");
    /** Operators after which a nested command starts and to which a later operator returns. */
    private static final Set<String> OPENERS = Set.of("$(", "<(", ">(", "(", "`");
    private static final Pattern IFS = Pattern.compile("\\$\\{IFS[^}]*}|\\$IFS(?![A-Za-z0-9_])");

    /**
     * The command as a terminal shows it and, when that differs, as bash runs it (escape sequences kept as text, only
     * their escape bytes removed). A rule matching either reading counts: a sequence can neither hide a command from
     * the rules nor disguise one for the person approving it.
     */
    List<NormalizedCommand> readings(String command) {
        NormalizedCommand shown = normalize(command);
        if (command.indexOf(ESCAPE) < 0 && command.indexOf(EIGHT_BIT_CSI) < 0) {
            return List.of(shown);
        }
        NormalizedCommand run = normalize(command, false);
        return shown.equals(run) ? List.of(shown) : List.of(shown, run);
    }

    /** The reading as a terminal shows it. */
    NormalizedCommand normalize(String command) {
        return normalize(command, true);
    }

    private NormalizedCommand normalize(String command, boolean stripEscapeSequences) {
        Objects.requireNonNull(command, "command");
        List<Token> tokens = ShellScanner.scan(clean(command, stripEscapeSequences));
        String[] rendered = new String[tokens.size()];
        List<String> simpleCommands = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        Deque<List<Integer>> outer = new ArrayDeque<>();
        Deque<String> openers = new ArrayDeque<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.get(i)) {
                case Word word -> {
                    rendered[i] = word.text();
                    current.add(i);
                }
                case Operator operator -> {
                    String symbol = operator.symbol();
                    rendered[i] = symbol;
                    if (OPENERS.contains(symbol) && !closes(symbol, openers)) {
                        openers.push(symbol);
                        outer.push(current);
                        current = new ArrayList<>();
                        continue;
                    }
                    finish(current, tokens, rendered, simpleCommands, commands);
                    if (closes(symbol, openers)) {
                        current = outer.pop();
                        if (openers.pop().equals("(")) {
                            // after a subshell or a function's "()", a new command starts: f() { reboot; }
                            finish(current, tokens, rendered, simpleCommands, commands);
                        }
                        // after $(…), <(…) or `…` the words still belong to the outer command
                    } else {
                        current = new ArrayList<>();
                    }
                }
            }
        }
        finish(current, tokens, rendered, simpleCommands, commands);
        outer.forEach(unclosed -> finish(unclosed, tokens, rendered, simpleCommands, commands));
        StringBuilder text = new StringBuilder();
        for (String part : rendered) {
            append(text, part);
        }
        return new NormalizedCommand(text.toString().strip(), simpleCommands, commands);
    }

    private static boolean closes(String symbol, Deque<String> openers) {
        if (openers.isEmpty()) {
            return false;
        }
        boolean inBackticks = openers.peek().equals("`");
        return symbol.equals("`") ? inBackticks : symbol.equals(")") && !inBackticks;
    }

    /** Analyses one simple command: its command-position words are rendered reduced, its program is recorded. */
    private static void finish(List<Integer> words, List<Token> tokens, String[] rendered, List<String> simpleCommands,
            List<String> commands) {
        if (words.isEmpty()) {
            return;
        }
        CommandWords.Simple simple = CommandWords.analyse(
                words.stream().map(i -> ((Word) tokens.get(i)).text()).toList());
        for (int k = 0; k < words.size(); k++) {
            rendered[words.get(k)] = simple.words().get(k);
        }
        simpleCommands.add(String.join(" ", simple.words()));
        if (simple.hasCommand()) {
            commands.add(simple.command());
        }
        words.clear();
    }

    /** Steps 1 to 5: character-level cleaning before the shell reading. */
    private static String clean(String command, boolean stripEscapeSequences) {
        String cleaned = stripEscapeSequences ? ANSI.matcher(command).replaceAll("") : command;
        cleaned = cleaned.replace("\r\n", "\n");
        cleaned = CONTROL.matcher(cleaned).replaceAll("");
        cleaned = Normalizer.normalize(cleaned, Normalizer.Form.NFKC);
        cleaned = CONTINUATION.matcher(cleaned).replaceAll("");
        return IFS.matcher(cleaned).replaceAll(" ");
    }

    /** Parts are separated by one space; a line break stands alone, without blanks around it. */
    private static void append(StringBuilder text, String part) {
        if (part.equals("\n")) {
            while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
            text.append('\n');
            return;
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append(' ');
        }
        text.append(part);
    }
}
