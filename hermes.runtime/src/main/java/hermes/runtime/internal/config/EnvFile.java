package hermes.runtime.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code .env}: secrets, one {@code NAME=value} per line. Setting a name keeps every other line as it was. */
final class EnvFile {

    private final Path file;

    EnvFile(Path file) {
        this.file = file;
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
