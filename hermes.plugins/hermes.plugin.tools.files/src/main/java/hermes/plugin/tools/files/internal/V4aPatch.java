package hermes.plugin.tools.files.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the V4A patch format (the one codex and cline emit):
 *
 * <pre>
 * *** Begin Patch
 * *** Update File: src/app.py
 * &#64;&#64; def main():
 *  context line
 * -removed line
 * +added line
 * *** Add File: notes.txt
 * +first line
 * *** Delete File: old.txt
 * *** Move File: a.txt -&gt; b.txt
 * *** End Patch
 * </pre>
 *
 * Markers count only as whole lines; a line in an Update hunk without a prefix is context.
 */
final class V4aPatch {

    private static final Pattern BEGIN = Pattern.compile("\\*\\*\\*\\s*Begin\\s+Patch\\s*");
    private static final Pattern END = Pattern.compile("\\*\\*\\*\\s*End\\s+Patch\\s*");
    private static final Pattern UPDATE = Pattern.compile("\\*\\*\\*\\s*Update\\s+File:\\s*(.+)");
    private static final Pattern ADD = Pattern.compile("\\*\\*\\*\\s*Add\\s+File:\\s*(.+)");
    private static final Pattern DELETE = Pattern.compile("\\*\\*\\*\\s*Delete\\s+File:\\s*(.+)");
    private static final Pattern MOVE = Pattern.compile("\\*\\*\\*\\s*Move\\s+File:\\s*(.+?)\\s*->\\s*(.*)");
    private static final Pattern MOVE_TO = Pattern.compile("\\*\\*\\*\\s*Move\\s+to:\\s*(.*)");
    private static final Pattern END_OF_FILE = Pattern.compile("\\*\\*\\*\\s*End\\s+of\\s+File\\s*");
    private static final Pattern HINT = Pattern.compile("@@\\s*(.*?)\\s*(@@)?\\s*");

    /** One file operation of a patch. */
    sealed interface Operation {
        String path();
    }

    record Update(String path, List<Hunk> hunks) implements Operation {
    }

    record Add(String path, String content) implements Operation {
    }

    record Delete(String path) implements Operation {
    }

    record Move(String path, String destination) implements Operation {
    }

    /**
     * One change inside an Update: the lines to find (context and removed) and what they become (context and added).
     *
     * @param hint the text after {@code @@}, which places a hunk that only adds lines
     */
    record Hunk(Optional<String> hint, List<String> search, List<String> replacement) {
        boolean changesNothing() {
            return search.equals(replacement);
        }
    }

    private V4aPatch() {
    }

    /** @throws IllegalArgumentException with every problem found, when the text is not a usable patch */
    static List<Operation> parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        int from = 0;
        int to = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (BEGIN.matcher(lines.get(i)).matches()) {
                from = i + 1;
            } else if (END.matcher(lines.get(i)).matches()) {
                to = i;
                break;
            }
        }
        List<Operation> operations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        OperationBuilder current = null;
        for (String line : lines.subList(from, to)) {
            Matcher m;
            if ((m = UPDATE.matcher(line)).matches()) {
                finish(current, operations, errors);
                current = new OperationBuilder(false, m.group(1).strip());
            } else if ((m = ADD.matcher(line)).matches()) {
                finish(current, operations, errors);
                current = new OperationBuilder(true, m.group(1).strip());
            } else if ((m = DELETE.matcher(line)).matches()) {
                finish(current, operations, errors);
                current = null;
                operations.add(new Delete(m.group(1).strip()));
            } else if ((m = MOVE.matcher(line)).matches()) {
                finish(current, operations, errors);
                current = null;
                if (m.group(2).isBlank()) {
                    errors.add("'*** Move File: " + m.group(1) + " ->' needs a destination after '->'");
                } else {
                    operations.add(new Move(m.group(1).strip(), m.group(2).strip()));
                }
            } else if ((m = MOVE_TO.matcher(line)).matches()) {
                errors.add("'*** Move to:' is not supported; rename with '*** Move File: old -> new' and put edits in "
                        + "their own '*** Update File:' section");
            } else if (END_OF_FILE.matcher(line).matches() || current == null) {
                continue;
            } else {
                current.take(line);
            }
        }
        finish(current, operations, errors);
        if (operations.isEmpty() && errors.isEmpty()) {
            errors.add("the patch has no '*** Update File:', '*** Add File:', '*** Delete File:' or '*** Move File:' "
                    + "section");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Parse error: " + String.join("; ", errors));
        }
        return List.copyOf(operations);
    }

    private static void finish(OperationBuilder builder, List<Operation> operations, List<String> errors) {
        if (builder == null) {
            return;
        }
        builder.closeHunk();
        if (builder.path.isEmpty()) {
            errors.add("an operation has an empty file path");
        } else if (builder.add) {
            operations.add(new Add(builder.path, String.join("\n", builder.added)
                    + (builder.added.isEmpty() ? "" : "\n")));
        } else if (builder.hunks.isEmpty()) {
            errors.add("'*** Update File: " + builder.path + "' has no hunks (lines starting with ' ', '-' or '+')");
        } else {
            operations.add(new Update(builder.path, List.copyOf(builder.hunks)));
        }
    }

    /** Collects the lines of one Add or Update section. */
    private static final class OperationBuilder {
        private final boolean add;
        private final String path;
        private final List<String> added = new ArrayList<>();
        private final List<Hunk> hunks = new ArrayList<>();
        private Optional<String> hint = Optional.empty();
        private List<String> search = new ArrayList<>();
        private List<String> replacement = new ArrayList<>();

        OperationBuilder(boolean add, String path) {
            this.add = add;
            this.path = path;
        }

        void take(String line) {
            if (add) {
                if (line.startsWith("+")) {
                    added.add(line.substring(1));
                }
                return;
            }
            Matcher hintLine = HINT.matcher(line);
            if (line.startsWith("@@") && hintLine.matches()) {
                closeHunk();
                hint = hintLine.group(1).isEmpty() ? Optional.empty() : Optional.of(hintLine.group(1));
                return;
            }
            if (line.isEmpty() || line.startsWith("\\")) {
                // an empty line between hunks, or "\ No newline at end of file"
                return;
            }
            char prefix = line.charAt(0);
            String text = prefix == ' ' || prefix == '-' || prefix == '+' ? line.substring(1) : line;
            if (prefix != '+') {
                search.add(text);
            }
            if (prefix != '-') {
                replacement.add(text);
            }
        }

        void closeHunk() {
            if (!search.isEmpty() || !replacement.isEmpty()) {
                hunks.add(new Hunk(hint, List.copyOf(search), List.copyOf(replacement)));
            }
            hint = Optional.empty();
            search = new ArrayList<>();
            replacement = new ArrayList<>();
        }
    }
}
