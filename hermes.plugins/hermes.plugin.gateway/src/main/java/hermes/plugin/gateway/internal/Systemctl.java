package hermes.plugin.gateway.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code systemctl --user}, where the machine has it. */
final class Systemctl {

    static final String MISSING = "systemctl is not available here, so the gateway cannot run as a service; run it in"
            + " the foreground instead: hermes gateway run (under tmux, screen or your own supervisor to keep it"
            + " running)";

    private static final long TIMEOUT_SECONDS = 60;

    private final Optional<Path> executable;

    Systemctl(Optional<Path> executable) {
        this.executable = executable;
    }

    /** The {@code systemctl} on {@code searchPath}, if any. */
    static Systemctl find(Optional<String> searchPath) {
        for (String directory : searchPath.orElse("").split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, "systemctl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Systemctl(Optional.of(candidate));
            }
        }
        return new Systemctl(Optional.empty());
    }

    boolean available() {
        return executable.isPresent();
    }

    /**
     * Runs {@code systemctl --user <arguments>}; returns its output.
     *
     * @throws IllegalStateException when there is no systemctl ({@link #MISSING})
     * @throws IOException when it fails; the message carries its output
     */
    String user(String... arguments) throws IOException, InterruptedException {
        Path systemctl = executable.orElseThrow(() -> new IllegalStateException(MISSING));
        List<String> command = new ArrayList<>(List.of(systemctl.toString(), "--user"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(1, command.size())) + " failed (exit "
                    + process.exitValue() + ")" + (text.isEmpty() ? "" : ": " + text));
        }
        return text;
    }
}
