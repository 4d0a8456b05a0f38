package hermes.plugin.tools.terminal.internal;

import java.util.ArrayList;
import java.util.List;

import hermes.api.ToolContext;

/**
 * How much command output the model gets to read ({@code tool_output.*} in {@code config.yaml}). Over-long output is
 * cut in the middle, keeping 40% of the budget from the head and 60% from the tail: the start says what ran, the end
 * says how it ended, and the middle is usually the least informative.
 *
 * @param maxChars the whole text ({@code tool_output.max_bytes}, counted in characters)
 * @param maxLines the number of lines ({@code tool_output.max_lines})
 * @param maxLineLength one line ({@code tool_output.max_line_length})
 */
record OutputLimits(int maxChars, int maxLines, int maxLineLength) {

    static final OutputLimits DEFAULTS = new OutputLimits(50_000, 2_000, 2_000);
    private static final double HEAD_SHARE = 0.4;

    /** The limits of the calling session. */
    static OutputLimits of(ToolContext context) {
        return new OutputLimits(
                (int) Arguments.setting(context, "tool_output.max_bytes", DEFAULTS.maxChars),
                (int) Arguments.setting(context, "tool_output.max_lines", DEFAULTS.maxLines),
                (int) Arguments.setting(context, "tool_output.max_line_length", DEFAULTS.maxLineLength));
    }

    /** {@code output} cut to these limits, with a marker wherever something was left out. */
    String apply(String output) {
        return limitChars(limitLines(limitLineLength(output)));
    }

    private String limitLineLength(String output) {
        if (output.lines().noneMatch(line -> line.length() > maxLineLength)) {
            return output;
        }
        StringBuilder cut = new StringBuilder(output.length());
        for (String line : output.split("\n", -1)) {
            if (!cut.isEmpty()) {
                cut.append('\n');
            }
            if (line.length() > maxLineLength) {
                cut.append(line, 0, maxLineLength)
                        .append(" [line cut: ").append(line.length() - maxLineLength).append(" more characters]");
            } else {
                cut.append(line);
            }
        }
        return cut.toString();
    }

    private String limitLines(String output) {
        List<String> lines = output.lines().toList();
        if (lines.size() <= maxLines) {
            return output;
        }
        int head = (int) (maxLines * HEAD_SHARE);
        int tail = maxLines - head;
        List<String> kept = new ArrayList<>(lines.subList(0, head));
        kept.add("[... " + (lines.size() - maxLines) + " of " + lines.size() + " lines left out ...]");
        kept.addAll(lines.subList(lines.size() - tail, lines.size()));
        return String.join("\n", kept) + (output.endsWith("\n") ? "\n" : "");
    }

    private String limitChars(String output) {
        if (output.length() <= maxChars) {
            return output;
        }
        int head = (int) (maxChars * HEAD_SHARE);
        int tail = maxChars - head;
        int omitted = output.length() - head - tail;
        return output.substring(0, head)
                + "\n\n[... output cut: " + omitted + " of " + output.length() + " characters left out of the middle."
                + " To see more, redirect the output to a file and read parts of it, or filter it with grep ...]\n\n"
                + output.substring(output.length() - tail);
    }
}
