package hermes.plugin.cli.internal;

import java.util.List;
import java.util.function.Supplier;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes slash commands in the first word of the line. The candidates are read at every Tab, so commands that a
 * plugin registers after the REPL started are offered too.
 */
final class SlashCommandCompleter implements Completer {

    private final Supplier<List<CommandCatalog.Entry>> entries;

    SlashCommandCompleter(Supplier<List<CommandCatalog.Entry>> entries) {
        this.entries = entries;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        // only the command word: the rest of a line is free text (or the command's own arguments)
        if (line.wordIndex() != 0 || !(line.word().isEmpty() || line.word().startsWith("/"))) {
            return;
        }
        for (CommandCatalog.Entry entry : entries.get()) {
            for (String name : entry.names()) {
                candidates.add(new Candidate("/" + name, "/" + name, null, entry.description(), null, null, true));
            }
        }
    }
}
