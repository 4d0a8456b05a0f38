package hermes.plugin.cli.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import hermes.api.Event;
import hermes.api.ToolCall;

/**
 * The progress lines of tool calls: {@code   ⚙ terminal: ls -la} when one starts, {@code   ✓ terminal 0.4s} or
 * {@code   ✗ terminal 0.4s: <first line of the error>} when it ends. One line each, however long the arguments or the
 * error: they tell the user what happens, the model reads the whole result.
 */
final class ToolLines {

    /** How much of the arguments a start line shows. */
    static final int ARGUMENTS_WIDTH = 60;
    /** How much of an error a finish line shows. */
    static final int ERROR_WIDTH = 100;

    private ToolLines() {
    }

    static String started(Event.ToolStarted started) {
        String summary = summary(started.toolName(), started.arguments());
        return "  ⚙ " + started.toolName() + (summary.isEmpty() ? "" : ": " + summary);
    }

    static String finished(Event.ToolFinished finished) {
        String head = "  " + (finished.result().error() ? "✗ " : "✓ ") + finished.toolName() + " "
                + seconds(finished.duration());
        return finished.result().error() ? head + ": " + errorLine(finished.result().content()) : head;
    }

    /**
     * What a call is about, in one short line: the first text argument (a command, a path, a query), else every
     * argument as {@code key=value}; the raw text when it is not a JSON object.
     */
    static String summary(String toolName, String arguments) {
        Map<String, Object> members;
        try {
            members = new ToolCall("", toolName, arguments).parsedArguments();
        } catch (IllegalArgumentException malformed) {
            return shorten(arguments, ARGUMENTS_WIDTH);
        }
        String text = members.values().stream().filter(String.class::isInstance).map(String.class::cast)
                .findFirst()
                .orElseGet(() -> members.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
        return shorten(text, ARGUMENTS_WIDTH);
    }

    /** {@code 0.4s} under a minute, {@code 2m05s} above. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long totalSeconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%dm%02ds", totalSeconds / 60, totalSeconds % 60);
    }

    /** The first line of an error: the {@code error} member when the tool answered JSON, else the text. */
    static String errorLine(String content) {
        String message = content;
        try {
            // the API's JSON reader, reached through ToolCall: it reads any JSON object
            Object error = new ToolCall("", "", content).parsedArguments().get("error");
            if (error instanceof String text && !text.isBlank()) {
                message = text;
            }
        } catch (IllegalArgumentException notJson) {
            // plain text
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return shorten(newline < 0 ? stripped : stripped.substring(0, newline), ERROR_WIDTH);
    }

    /** Whitespace runs (newlines included) become one space; longer than {@code width} ends in an ellipsis. */
    static String shorten(String text, int width) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= width) {
            return flat;
        }
        int end = width - 1;
        // never cut a surrogate pair in half
        return flat.substring(0, Character.isHighSurrogate(flat.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}
