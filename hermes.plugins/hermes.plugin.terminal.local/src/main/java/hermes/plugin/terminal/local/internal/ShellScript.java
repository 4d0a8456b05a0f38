package hermes.plugin.terminal.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code bash -c} script around one command, and the state it leaves behind. Every command runs in a fresh bash
 * (one crashed or hung command cannot poison the next), so the script first restores the shell's directory, then runs
 * the command, then writes the final directory and environment to a state file for the next command.
 */
final class ShellScript {

    /** Variables bash maintains by itself; they are never the user's exports. */
    private static final Set<String> BASH_MANAGED = Set.of("PWD", "OLDPWD", "SHLVL", "_");

    private ShellScript() {
    }

    /** The directory and variables a finished command left. */
    record State(Path workingDirectory, Map<String, String> environment) {
    }

    /**
     * The script that runs {@code command} in {@code workingDirectory} and records the resulting state to
     * {@code stateFile}. A command that exits the shell ({@code exit 3}) ends the script before the state is written, so
     * the shell keeps its earlier state.
     */
    static String around(String command, Path workingDirectory, Path stateFile) {
        return enter(workingDirectory)
                + "eval " + quote(command) + "\n"
                + "__hermes_status=$?\n"
                + "{ printf '%s\\0' \"$PWD\"; env -0; } > " + quote(stateFile.toString()) + " 2>/dev/null\n"
                + "exit \"$__hermes_status\"\n";
    }

    /** The script that starts {@code command} in {@code workingDirectory} with nothing recorded afterwards. */
    static String detached(String command, Path workingDirectory) {
        return enter(workingDirectory) + "eval " + quote(command) + "\n";
    }

    /**
     * Reads the state file of a finished command, keeping the variables that differ from {@code inherited} (the
     * environment the shell started with): those are what the session exported.
     */
    static Optional<State> readState(Path stateFile, Map<String, String> inherited) throws IOException {
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        String[] entries = new String(Files.readAllBytes(stateFile), StandardCharsets.UTF_8).split("\0");
        if (entries.length == 0 || entries[0].isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> exported = new LinkedHashMap<>();
        for (int i = 1; i < entries.length; i++) {
            int equals = entries[i].indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = entries[i].substring(0, equals);
            String value = entries[i].substring(equals + 1);
            if (!BASH_MANAGED.contains(name) && !value.equals(inherited.get(name))) {
                exported.put(name, value);
            }
        }
        return Optional.of(new State(Path.of(entries[0]), exported));
    }

    /** Quotes {@code text} as one bash word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String enter(Path workingDirectory) {
        String directory = quote(workingDirectory.toString());
        // A directory deleted since the last command must not make every later command fail: say so and use $HOME.
        return "cd -- " + directory + " 2>/dev/null || { echo \"hermes: the working directory \"" + directory
                + "\" no longer exists; running in $HOME instead\" >&2; cd -- \"$HOME\" || exit 1; }\n";
    }
}
