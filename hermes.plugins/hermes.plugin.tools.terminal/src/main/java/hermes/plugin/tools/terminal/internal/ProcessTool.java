package hermes.plugin.tools.terminal.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code process}: lists, reads, waits for, writes to and stops the session's background processes. */
@Component(service = Tool.class)
public final class ProcessTool implements Tool {

    static final double DEFAULT_WAIT_SECONDS = 180;
    static final double MAX_WAIT_SECONDS = 600;
    static final int DEFAULT_LOG_LINES = 200;
    private static final List<String> ACTIONS = List.of("list", "poll", "log", "wait", "kill", "write", "submit", "close");
    private static final Set<String> READ_ONLY_ACTIONS = Set.of("list", "poll", "log", "wait");
    private static final Duration KILL_GRACE = Duration.ofSeconds(3);

    private static final ToolSpec SPEC = ToolSpec.of("process", "terminal", """
            Manage background processes started with terminal(background=true). Actions: list (this session's \
            processes), poll (status and the output that is new since the last poll), log (output lines, paginated \
            with offset/limit), wait (block until the process exits or the timeout passes), kill (stop it and its \
            children), write (send data to its stdin), submit (send data plus Enter), close (close its stdin, which \
            ends programs that read until end of input). Every action except list needs session_id.""", """
            {
              "type": "object",
              "properties": {
                "action": {
                  "type": "string",
                  "enum": ["list", "poll", "log", "wait", "kill", "write", "submit", "close"],
                  "description": "What to do."
                },
                "session_id": {
                  "type": "string",
                  "description": "The process id that terminal(background=true) returned, such as proc_0a1b2c3d4e5f."
                },
                "data": {
                  "type": "string",
                  "description": "For write and submit: the text to send to the process's stdin."
                },
                "timeout": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "For wait: seconds to wait at most. Default 180, at most 600."
                },
                "offset": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "For log: the first line to show, counting from 0. Default: the last lines."
                },
                "limit": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "For log: how many lines to show. Default 200."
                }
              },
              "required": ["action"]
            }""");

    private final ProcessRegistry registry;

    @Activate
    public ProcessTool(@Reference ProcessRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public boolean isMutating(ToolCall call) {
        try {
            return !READ_ONLY_ACTIONS.contains(action(Arguments.of(call)));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
        try {
            Arguments arguments = Arguments.of(call);
            String action = action(arguments);
            if (action.equals("list")) {
                return ToolResult.ok(Json.write(Map.of("processes",
                        registry.list(context.sessionId()).stream().map(ProcessTool::summary).toList())));
            }
            String id = arguments.requiredText("session_id");
            Optional<BackgroundProcess> found = registry.find(context.sessionId(), id);
            if (found.isEmpty()) {
                return ToolResult.error(unknown(id, context));
            }
            BackgroundProcess process = found.get();
            return switch (action) {
                case "poll" -> ToolResult.ok(Json.write(newOutput(process, context)));
                case "log" -> ToolResult.ok(Json.write(log(process, arguments, context)));
                case "wait" -> waitFor(process, arguments, context);
                case "kill" -> kill(process);
                case "write" -> write(process, arguments.rawText("data").orElseThrow(
                        () -> new IllegalArgumentException("write needs a 'data' argument")));
                case "submit" -> write(process, arguments.rawText("data").orElse("") + "\n");
                case "close" -> closeInput(process);
                default -> throw new IllegalStateException("action was checked: " + action);
            };
        } catch (IllegalArgumentException badArguments) {
            return ToolResult.error(badArguments.getMessage());
        }
    }

    private static String action(Arguments arguments) {
        String action = arguments.requiredText("action").strip().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "'; use one of "
                    + String.join(", ", ACTIONS));
        }
        return action;
    }

    private String unknown(String id, ToolContext context) {
        List<String> known = registry.list(context.sessionId()).stream().map(BackgroundProcess::id).toList();
        return "No background process '" + id + "' in this session. "
                + (known.isEmpty() ? "This session has no background processes."
                        : "Known processes: " + String.join(", ", known) + ".");
    }

    private static Map<String, Object> summary(BackgroundProcess process) {
        Map<String, Object> entry = status(process);
        entry.put("pid", process.pid());
        entry.put("command", process.command());
        entry.put("started_at", process.started().toString());
        entry.put("uptime_seconds", process.uptime().toSeconds());
        return entry;
    }

    private static Map<String, Object> status(BackgroundProcess process) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("session_id", process.id());
        entry.put("status", process.isRunning() ? "running" : "exited");
        entry.put("exit_code", process.exitCode().orElse(null));
        return entry;
    }

    private static Map<String, Object> newOutput(BackgroundProcess process, ToolContext context) {
        // Read the status first: output that arrives in between then shows up in this poll or the next, never lost.
        Map<String, Object> answer = status(process);
        RollingBuffer.Slice slice = process.poll();
        String output = slice.lost() == 0 ? slice.text()
                : "[... " + slice.lost() + " characters of output rolled out of the buffer before this poll ...]\n"
                        + slice.text();
        answer.put("output", OutputLimits.of(context).apply(output));
        return answer;
    }

    private static Map<String, Object> log(BackgroundProcess process, Arguments arguments, ToolContext context) {
        List<String> lines = process.lines();
        long limit = arguments.whole("limit").orElse((long) DEFAULT_LOG_LINES);
        if (limit < 1) {
            throw new IllegalArgumentException("'limit' must be at least 1");
        }
        long offset = arguments.whole("offset").orElse(Math.max(0, lines.size() - limit));
        if (offset < 0) {
            throw new IllegalArgumentException("'offset' must be 0 or more");
        }
        int from = (int) Math.min(offset, lines.size());
        int to = (int) Math.min(lines.size(), from + limit);
        Map<String, Object> answer = status(process);
        answer.put("total_lines", lines.size());
        answer.put("offset", from);
        answer.put("lines_shown", to - from);
        answer.put("output", OutputLimits.of(context).apply(String.join("\n", lines.subList(from, to))));
        return answer;
    }

    private static ToolResult waitFor(BackgroundProcess process, Arguments arguments, ToolContext context)
            throws InterruptedException {
        double requested = arguments.number("timeout").orElse(DEFAULT_WAIT_SECONDS);
        if (requested <= 0) {
            throw new IllegalArgumentException("'timeout' must be a positive number of seconds");
        }
        double seconds = Math.min(requested, MAX_WAIT_SECONDS);
        boolean exited = process.await(Duration.ofMillis(Math.round(seconds * 1000)), context::isCancelled);
        Map<String, Object> answer = newOutput(process, context);
        if (!exited) {
            answer.put("note", context.isCancelled() ? "The wait was interrupted; the process is still running."
                    : "Still running after " + Math.round(seconds) + " s"
                            + (requested > MAX_WAIT_SECONDS ? " (waits are capped at " + Math.round(MAX_WAIT_SECONDS)
                                    + " s)" : "") + ". Wait again, poll later, or kill it.");
        }
        return ToolResult.ok(Json.write(answer));
    }

    private static ToolResult kill(BackgroundProcess process) throws InterruptedException {
        if (!process.isRunning()) {
            Map<String, Object> answer = status(process);
            answer.put("note", "It had already exited.");
            return ToolResult.ok(Json.write(answer));
        }
        process.kill();
        process.await(KILL_GRACE, () -> false);
        return ToolResult.ok(Json.write(status(process)));
    }

    private static ToolResult write(BackgroundProcess process, String data) {
        if (!process.isRunning()) {
            return ToolResult.error(process.id() + " has exited (code " + process.exitCode().orElse(-1)
                    + "); nothing reads its input any more.");
        }
        try {
            process.write(data);
        } catch (IOException closed) {
            return ToolResult.error("Could not write to the input of " + process.id() + ": " + closed.getMessage()
                    + ". Its stdin may be closed already (action close), or it stopped reading.");
        }
        Map<String, Object> answer = status(process);
        answer.put("written_chars", data.length());
        return ToolResult.ok(Json.write(answer));
    }

    private static ToolResult closeInput(BackgroundProcess process) {
        try {
            process.closeInput();
        } catch (IOException failed) {
            return ToolResult.error("Could not close the input of " + process.id() + ": " + failed.getMessage());
        }
        Map<String, Object> answer = status(process);
        answer.put("stdin", "closed");
        return ToolResult.ok(Json.write(answer));
    }
}
