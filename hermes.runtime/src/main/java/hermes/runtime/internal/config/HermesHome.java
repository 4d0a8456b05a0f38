package hermes.runtime.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration directory ({@code $HERMES_HOME}, default {@code ~/.hermes}) in the original's layout, so an
 * existing user's data works unchanged (DESIGN §5).
 */
public record HermesHome(Path root) {

    /** Directories of the original's layout, created on first run. */
    static final List<String> DIRECTORIES = List.of("memories", "skills", "sessions", "logs", "cron", "plugins",
            "hooks", "pairing", "cache");

    /** The home named by the framework property {@code hermes.home}, else {@code $HERMES_HOME}, else {@code ~/.hermes}. */
    public static HermesHome locate(String frameworkProperty) {
        if (frameworkProperty != null && !frameworkProperty.isBlank()) {
            return new HermesHome(Path.of(frameworkProperty));
        }
        String env = System.getenv("HERMES_HOME");
        if (env != null && !env.isBlank()) {
            return new HermesHome(Path.of(env));
        }
        return new HermesHome(Path.of(System.getProperty("user.home"), ".hermes"));
    }

    public Path config() {
        return root.resolve("config.yaml");
    }

    public Path env() {
        return root.resolve(".env");
    }

    public Path plugins() {
        return root.resolve("plugins");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Creates what is missing of the layout; never touches what exists. */
    public void ensureLayout() throws IOException {
        for (String dir : DIRECTORIES) {
            Files.createDirectories(root.resolve(dir));
        }
        createIfMissing(config(), "default-config.yaml");
        createIfMissing(env(), "default-env");
    }

    private static void createIfMissing(Path file, String template) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream in = HermesHome.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IOException("the runtime bundle lacks its template " + template);
            }
            AtomicFiles.write(file, in.readAllBytes());
        }
    }
}
