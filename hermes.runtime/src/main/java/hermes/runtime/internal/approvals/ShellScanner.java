package hermes.runtime.internal.approvals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cleaned command into words and operators the way a POSIX shell reads it — closely enough that quoting,
 * escapes and line breaks cannot hide a command from detection; it is not a shell parser and never needs to be one.
 *
 * <ul>
 * <li>Quote characters are dropped and the quoted text kept ({@code 'rm'}, {@code "rm"}, {@code r''m} all read
 * {@code rm}), because a shell removes them before it runs anything; a backslash keeps the next character and is
 * dropped ({@code \rm}, {@code r\m}); {@code $'\x72m'} is decoded.</li>
 * <li>Operators ({@code ; & && | || |& ( ) $( <( >( `} and newline) become tokens of their own, but only where the
 * shell would read them as operators: inside quotes they are data ({@code grep 'a;reboot'} has no second command).</li>
 * <li>The quoted argument of {@code sh -c}, {@code bash -lc}, {@code su -c} or {@code eval} is code, not data, so it is
 * scanned as commands; {@code $(…)} and backticks run even inside double quotes, so they are scanned as commands
 * too.</li>
 * <li>Heredoc bodies are scanned line by line as command lines ({@link #readHeredocBodies()}).</li>
 * <li>A bare brace list {@code {rm,-rf,/}} is expanded into its words, as the shell would.</li>
 * </ul>
 *
 * <p>One instance scans one string; {@link #scan(String)} is the entry point and is safe to call from any thread.
 */
final class ShellScanner {

    /** A scanned token: a word (quoting removed) or an operator between commands. */
    sealed interface Token permits Word, Operator {
    }

    record Word(String text) implements Token {
    }

    record Operator(String symbol) implements Token {
    }

    static final Operator NEWLINE = new Operator("\n");

    /** What the scanner is inside: plain or code quotes, a {@code (…)}/{@code $(…)} group, or a backtick span. */
    private enum Frame { SINGLE, DOUBLE, SINGLE_CODE, DOUBLE_CODE, PARENS, BACKTICK }

    private static final Pattern HEREDOC_OPERATOR = Pattern.compile(
            "<<(-?)[ \\t]*(?:'([^'\\n]*)'|\"([^\"\\n]*)\"|\\\\?([^\\s;&|<>()'\"`]+))");
    private static final Pattern BRACE_LIST = Pattern.compile("\\{([^{}\\s]*,[^{}\\s]*)\\}");
    /** {@code -c} alone or bundled ({@code -lc}, {@code -ec}), and su's long form. */
    static final Pattern CODE_FLAG = Pattern.compile("-[a-zA-Z]*c[a-zA-Z]*|--command");

    private final String source;
    private final List<Token> out;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<String> heredocDelimiters = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    /** Whether part of the current word was quoted: the shell brace-expands bare words only. */
    private boolean wordQuoted;
    /** Whether the current simple command has a shell or su among its words, so a quoted {@code -c} script is code. */
    private boolean segmentHasShell;
    private int pos;

    private ShellScanner(String source, List<Token> out) {
        this.source = source;
        this.out = out;
    }

    static List<Token> scan(String source) {
        List<Token> tokens = new ArrayList<>();
        new ShellScanner(source, tokens).run();
        return tokens;
    }

    private void run() {
        while (pos < source.length()) {
            Frame top = frames.peek();
            if (top == Frame.SINGLE) {
                singleQuoted();
            } else if (top == Frame.DOUBLE) {
                doubleQuoted();
            } else {
                active(top);
            }
        }
        flush();
    }

    private void singleQuoted() {
        char c = source.charAt(pos++);
        if (c == '\'') {
            frames.pop();
        } else {
            quotedLiteral(c);
        }
    }

    private void doubleQuoted() {
        char c = source.charAt(pos);
        char next = peek(1);
        if (c == '"') {
            frames.pop();
            pos++;
        } else if (c == '\\' && next != 0) {
            quotedLiteral(next);
            pos += 2;
        } else if (c == '$' && next == '(') {
            operator("$(");
            frames.push(Frame.PARENS);
            pos += 2;
        } else if (c == '`') {
            operator("`");
            frames.push(Frame.BACKTICK);
            pos++;
        } else {
            quotedLiteral(c);
            pos++;
        }
    }

    /** Unquoted text, or text the shell will run anyway (code quotes, substitutions). */
    private void active(Frame top) {
        char c = source.charAt(pos);
        char next = peek(1);
        switch (c) {
            case '\'' -> quote(top == Frame.SINGLE_CODE, Frame.SINGLE, Frame.SINGLE_CODE);
            case '"' -> quote(top == Frame.DOUBLE_CODE, Frame.DOUBLE, Frame.DOUBLE_CODE);
            case '\\' -> {
                if (next != 0) {
                    word.append(next);
                }
                pos += 2;
            }
            case ' ', '\t' -> {
                flush();
                pos++;
            }
            case '\n' -> newline();
            case ';' -> operatorAt(next == ';' || next == '&' ? ";" + next : ";");
            case '&' -> {
                if (endsWith('>') || endsWith('<') || next == '>') {
                    word.append(c); // fd duplication (2>&1, >&2) or &> redirect, not a separator
                    pos++;
                } else {
                    operatorAt(next == '&' ? "&&" : "&");
                }
            }
            case '|' -> {
                if (endsWith('>')) {
                    word.append(c); // >| clobber redirect
                    pos++;
                } else {
                    operatorAt(next == '|' ? "||" : next == '&' ? "|&" : "|");
                }
            }
            case '(' -> openGroup();
            case ')' -> {
                operatorAt(")");
                if (top == Frame.PARENS) {
                    frames.pop();
                }
            }
            case '`' -> {
                operatorAt("`");
                if (top == Frame.BACKTICK) {
                    frames.pop();
                } else {
                    frames.push(Frame.BACKTICK);
                }
            }
            case '$' -> dollar(next);
            case '<' -> lessThan(next);
            default -> {
                word.append(c);
                pos++;
            }
        }
    }

    private void quote(boolean closesCode, Frame plain, Frame code) {
        pos++;
        if (closesCode) {
            flush();
            frames.pop();
        } else if (word.isEmpty() && introducesCode()) {
            frames.push(code);
        } else {
            frames.push(plain);
            wordQuoted = true;
        }
    }

    /** True when the word about to start is the script of {@code sh -c}, {@code su -c} or {@code eval}. */
    private boolean introducesCode() {
        if (out.isEmpty() || !(out.getLast() instanceof Word last)) {
            return false;
        }
        return last.text().equalsIgnoreCase("eval")
                || (segmentHasShell && CODE_FLAG.matcher(last.text()).matches());
    }

    private void openGroup() {
        if (endsWith('$')) {
            word.setLength(word.length() - 1);
            operator("$(");
        } else if (endsWith('<') || endsWith('>')) {
            char direction = word.charAt(word.length() - 1);
            word.setLength(word.length() - 1);
            operator(direction + "(");
        } else {
            operator("(");
        }
        frames.push(Frame.PARENS);
        pos++;
    }

    private void dollar(char next) {
        if (next == '\'') {
            AnsiCQuoting.Decoded decoded = AnsiCQuoting.decode(source, pos + 2);
            word.append(decoded.text());
            pos = decoded.end();
            wordQuoted = true;
        } else if (next == '"') {
            pos++; // $"…" is a translated string: the quote that follows opens it
        } else {
            word.append('$');
            pos++;
        }
    }

    private void lessThan(char next) {
        if (next == '<' && peek(2) == '<') {
            word.append("<<<");
            pos += 3;
        } else if (next == '<') {
            Matcher delimiter = HEREDOC_OPERATOR.matcher(source).region(pos, source.length());
            if (delimiter.lookingAt()) {
                heredocDelimiters.add(firstNonNull(delimiter.group(2), delimiter.group(3), delimiter.group(4)));
            }
            word.append("<<");
            pos += 2;
        } else {
            word.append('<');
            pos++;
        }
    }

    private void newline() {
        flush();
        pos++;
        if (frames.isEmpty() && !heredocDelimiters.isEmpty()) {
            readHeredocBodies();
        } else {
            add(NEWLINE);
        }
    }

    /**
     * Reads the bodies of this line's heredocs, in order, each line as a command line of its own, as the original does:
     * a body fed to a shell is a script, and a body written to a file ({@code cat > x.sh <<EOF}) may be run next, so
     * {@code reboot} at the start of a body line is refused either way. Each line starts with no open quote, so an
     * apostrophe in prose ({@code it's}) cannot hide the lines after it; a heredoc inside a body is just more lines.
     */
    private void readHeredocBodies() {
        add(NEWLINE);
        for (String delimiter : heredocDelimiters) {
            for (String line : readBody(delimiter)) {
                new ShellScanner(line, out).run();
                add(NEWLINE);
            }
        }
        heredocDelimiters.clear();
    }

    /** Lines up to the delimiter line. Surrounding blanks are forgiven: ending early only makes more commands. */
    private List<String> readBody(String delimiter) {
        List<String> lines = new ArrayList<>();
        while (pos < source.length()) {
            int end = source.indexOf('\n', pos);
            if (end < 0) {
                end = source.length();
            }
            String line = source.substring(pos, end);
            pos = Math.min(end + 1, source.length());
            if (line.strip().equals(delimiter)) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    /** Quoted text keeps its characters; runs of blanks shrink to one space like everywhere else. */
    private void quotedLiteral(char c) {
        wordQuoted = true;
        if (c == ' ' || c == '\t') {
            if (!endsWith(' ')) {
                word.append(' ');
            }
        } else {
            word.append(c);
        }
    }

    private void operatorAt(String symbol) {
        operator(symbol);
        pos += symbol.length();
    }

    private void operator(String symbol) {
        flush();
        add(new Operator(symbol));
    }

    private void add(Token token) {
        out.add(token);
        if (token instanceof Word scanned) {
            String name = CommandWords.baseName(scanned.text());
            segmentHasShell |= CommandWords.SHELLS.contains(name) || name.equals("su");
        } else {
            segmentHasShell = false;
        }
    }

    private void flush() {
        String text = word.toString().strip();
        boolean bare = !wordQuoted;
        word.setLength(0);
        wordQuoted = false;
        if (text.isEmpty()) {
            return;
        }
        Matcher braces = BRACE_LIST.matcher(text);
        if (bare && braces.matches()) {
            for (String part : braces.group(1).split(",")) {
                if (!part.isEmpty()) {
                    add(new Word(part));
                }
            }
            return;
        }
        add(new Word(text));
    }

    private boolean endsWith(char c) {
        return !word.isEmpty() && word.charAt(word.length() - 1) == c;
    }

    private char peek(int offset) {
        return pos + offset < source.length() ? source.charAt(pos + offset) : 0;
    }

    private static String firstNonNull(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("the heredoc pattern matched without a delimiter group");
    }
}
