package hermes.plugin.tools.terminal.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import hermes.api.TerminalBackend.CommandResult;
import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;

/** {@code terminal}: runs a command on the session's shell, in the foreground or as a background process. */
@Component(service = Tool.class)
public final class TerminalTool implements Tool {

    static final String DEFAULT_TIMEOUT_KEY = "terminal.timeout";
    static final double DEFAULT_TIMEOUT_SECONDS = 180;
    /** Longer foreground commands hold the whole turn hostage; they belong in the background. */
    static final double FOREGROUND_MAX_TIMEOUT_SECONDS = 600;

    private static final ToolSpec SPEC = ToolSpec.of("terminal", "terminal", """
            Run a bash command on the session's terminal and return its output (stdout and stderr together) and exit \
            code. The working directory and exported variables carry over between calls, so `cd` and `export` work as \
            in an interactive shell; files persist. Commands get no input (stdin is empty): pass flags such as -y \
            instead of waiting for prompts. Long output is cut in the middle, keeping its start and its end; redirect \
            it to a file and read that when you need all of it. For servers, watchers and anything that runs longer \
            than a few minutes, use background=true and manage the process with the process tool.""", """
            {
              "type": "object",
              "properties": {
                "command": {
                  "type": "string",
                  "description": "The bash command line to run."
                },
                "background": {
                  "type": "boolean",
                  "description": "Start the command in the background and return at once with its process id \
            (proc_…). Read its output, write to its input and stop it with the process tool. Default false."
                },
                "timeout": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "Seconds a foreground command may run before it is killed. Default 180; at most \
            600 — use background=true for longer work."
                },
                "workdir": {
                  "type": "string",
                  "description": "Directory to run this one command in, absolute or relative to the current \
            directory. The session's current directory stays as it was."
                },
                "notify_on_complete": {
                  "type": "boolean",
                  "description": "With background=true: report automatically when the process exits, with its exit \
            code and last lines of output, so there is no need to poll. Default false."
                }
              },
              "required": ["command"]
            }""");

    private final ProcessRegistry registry;

    @Activate
    public TerminalTool(@Reference ProcessRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult call(ToolCall call, ToolContext context) throws InterruptedException {
        try {
            Arguments arguments = Arguments.of(call);
            String command = arguments.requiredText("command");
            Optional<String> workdir = arguments.text("workdir");
            if (arguments.flag("background")) {
                return startInBackground(command, workdir, arguments.flag("notify_on_complete"), context);
            }
            Optional<Double> requested = arguments.number("timeout");
            if (requested.isPresent() && requested.get() > FOREGROUND_MAX_TIMEOUT_SECONDS) {
                return ToolResult.error("A foreground timeout of " + seconds(requested.get()) + " s is over the limit of "
                        + seconds(FOREGROUND_MAX_TIMEOUT_SECONDS) + " s. Run long work with background=true (and "
                        + "notify_on_complete=true), then follow it with the process tool.");
            }
            double timeout = requested.orElseGet(
                    () -> Arguments.setting(context, DEFAULT_TIMEOUT_KEY, DEFAULT_TIMEOUT_SECONDS));
            if (timeout <= 0) {
                return ToolResult.error("'timeout' must be a positive number of seconds");
            }
            return runInForeground(workdir.map(dir -> inDirectory(dir, command)).orElse(command), timeout, context);
        } catch (IllegalArgumentException badArguments) {
            return ToolResult.error(badArguments.getMessage());
        } catch (IOException shellUnavailable) {
            return ToolResult.error("The terminal is not available: " + shellUnavailable.getMessage());
        }
    }

    private ToolResult runInForeground(String command, double timeoutSeconds, ToolContext context)
            throws IOException, InterruptedException {
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        CommandResult result = context.shell().run(command, timeout, context);
        String output = OutputLimits.of(context).apply(result.output());
        if (result.timedOut()) {
            return ToolResult.error(json(output, result.exitCode(), "Command timed out after "
                    + seconds(timeoutSeconds) + " s and was killed. For long-running work (servers, watchers, long "
                    + "builds) use background=true and check on it with the process tool."));
        }
        if (context.isCancelled()) {
            return ToolResult.error(json(output, result.exitCode(), "Command was interrupted and killed."));
        }
        return ToolResult.ok(json(output, result.exitCode(), null));
    }

    private ToolResult startInBackground(String command, Optional<String> workdir, boolean notifyOnComplete,
                                         ToolContext context) throws IOException {
        String started = workdir.map(dir -> "cd -- " + directoryWord(dir) + " || exit\n" + command).orElse(command);
        BackgroundProcess process = registry.start(context, started, command, notifyOnComplete);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("session_id", process.id());
        answer.put("pid", process.pid());
        answer.put("status", "running");
        return ToolResult.ok(Json.write(answer));
    }

    /**
     * {@code command} run in {@code directory}, after which the shell returns to where it was, so the session's
     * directory does not change. A failing {@code cd} exits the script, which leaves the shell's state untouched.
     */
    static String inDirectory(String directory, String command) {
        return "__hermes_back=\"$PWD\"\n"
                + "cd -- " + directoryWord(directory) + " || exit\n"
                + "eval " + quote(command) + "\n"
                + "__hermes_status=$?\n"
                + "cd -- \"$__hermes_back\"\n"
                + "(exit \"$__hermes_status\")";
    }

    /** The directory as a bash word: quoted, except that a leading {@code ~} still means the home directory. */
    private static String directoryWord(String directory) {
        if (directory.equals("~")) {
            return "\"$HOME\"";
        }
        if (directory.startsWith("~/")) {
            return "\"$HOME\"/" + quote(directory.substring(2));
        }
        return quote(directory);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String json(String output, int exitCode, String error) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("output", output);
        answer.put("exit_code", exitCode);
        answer.put("error", error);
        return Json.write(answer);
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
