package hermes.plugin.tools.files.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where a path argument points: {@code ~} is the user's home, a relative path starts at the session's cwd. */
final class ToolPaths {

    private ToolPaths() {
    }

    /** @throws IllegalArgumentException when the text is not a valid path on this system */
    static Path resolve(String argument, Path workingDirectory) {
        String text = argument.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the path is empty; give a file path");
        }
        try {
            Path path;
            if (text.equals("~")) {
                path = home();
            } else if (text.startsWith("~/")) {
                path = home().resolve(text.substring(2));
            } else {
                path = workingDirectory.resolve(text);
            }
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + argument + "' is not a valid path: " + e.getReason());
        }
    }

    /** The path as the model should see it: relative to the cwd when inside it, absolute otherwise. */
    static String display(Path path, Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        if (path.startsWith(cwd) && !path.equals(cwd)) {
            return cwd.relativize(path).toString();
        }
        return path.toString();
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }
}
