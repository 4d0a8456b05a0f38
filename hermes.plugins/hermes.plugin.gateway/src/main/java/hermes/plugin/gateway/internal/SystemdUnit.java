package hermes.plugin.gateway.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The systemd user unit that keeps the gateway running: {@code ~/.config/systemd/user/hermes-gateway.service} (or
 * under {@code $XDG_CONFIG_HOME}), starting {@code hermes gateway run} and restarting it when it fails.
 */
final class SystemdUnit {

    static final String NAME = "hermes-gateway.service";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:+=@,-]+");

    private SystemdUnit() {
    }

    /** The unit for the {@code hermes} script at {@code script} and the home {@code home}. */
    static String content(Path script, Path home) {
        return """
                [Unit]
                Description=Hermes agent gateway (messaging platforms)
                After=network-online.target
                Wants=network-online.target

                [Service]
                Type=simple
                ExecStart=%s gateway run
                Restart=on-failure
                RestartSec=5
                Environment=%s

                [Install]
                WantedBy=default.target
                """.formatted(word(script.toAbsolutePath().toString()), word("HERMES_HOME=" + home.toAbsolutePath()));
    }

    /** Where user units live: {@code $XDG_CONFIG_HOME/systemd/user}, else {@code ~/.config/systemd/user}. */
    static Path directory(Optional<String> xdgConfigHome, Path userHome) {
        Path config = xdgConfigHome.filter(value -> !value.isBlank()).map(Path::of)
                .orElse(userHome.resolve(".config"));
        return config.resolve("systemd").resolve("user");
    }

    /**
     * The {@code hermes} script: the launcher's {@code hermes.script} property, else {@code hermes} on the PATH.
     *
     * @throws IllegalStateException when neither names an executable; the message says what to do
     */
    static Path script(Optional<String> property, Optional<String> searchPath) {
        if (property.isPresent() && !property.get().isBlank()) {
            return Path.of(property.get()).toAbsolutePath();
        }
        for (String directory : searchPath.orElse("").split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, "hermes");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find the hermes script: put its directory on the PATH (or start"
                + " hermes through its script), then run hermes gateway install again");
    }

    /** One word of a unit file line: quoted when it has to be, with systemd's {@code %} specifiers escaped. */
    private static String word(String text) {
        String escaped = text.replace("%", "%%");
        if (PLAIN.matcher(text).matches()) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
