package hermes.runtime.internal.approvals;

import java.util.List;
import java.util.Objects;

/**
 * A command as the detection rules see it (see {@link CommandNormalizer} for how it is made).
 *
 * @param text     the whole command: quoting removed, whitespace collapsed, command paths reduced to base
 *                 names, operators ({@code ;}, {@code &&}, {@code |}, {@code $(}, …) standing alone between
 *                 spaces, lines kept
 * @param simpleCommands every simple command with all its words, wrappers included, one string each; quoted
 *                 separators stay inside their word
 * @param commands every simple command (pipeline stage, list element, subshell body, heredoc body line), with
 *                 leading wrappers such as {@code sudo -u x}, {@code env A=1}, {@code nohup} peeled off, so the first
 *                 word is the program that runs
 */
record NormalizedCommand(String text, List<String> simpleCommands, List<String> commands) {

    NormalizedCommand {
        Objects.requireNonNull(text, "text");
        simpleCommands = List.copyOf(simpleCommands);
        commands = List.copyOf(commands);
    }
}
