package hermes.runtime.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code .env}: secrets, one {@code NAME=value} per line. Setting a name keeps every other line as it was. */
final class EnvFile {

    private final Path file;

    EnvFile(Path file) {
        this.file = file;
    }

    /**
     * The variables the file sets, in file order: {@code NAME=value} or {@code export NAME=value}, surrounding quotes
     * removed, comments and blank lines skipped. Values are sanitised to printable ASCII, as the original does for
     * credentials (a pasted key often carries a stray non-breaking space or smart quote).
     */
    Map<String, String> read() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, eq).strip(), value.replaceAll("[^\\x21-\\x7e]", ""));
        }
        return values;
    }

    void set(String name, String value) throws IOException {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("a value in .env cannot span lines");
        }
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        String entry = name + "=" + value;
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(name + "=") || line.startsWith("export " + name + "=")) {
                lines.set(i, entry);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(entry);
        }
        AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
