package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import hermes.testing.FakeModelServer;

/**
 * The distribution's {@code bin/hermes} run as a user runs it, one process per call, in a given {@code HERMES_HOME}
 * whose model is the fake model server.
 */
final class HermesProcess {

    static final Path HERMES = Path.of("target", "hermes", "bin", "hermes").toAbsolutePath();

    record Run(int exit, String stdout, String stderr) {
    }

    private final Path home;

    /** A home that is set up already. */
    HermesProcess(Path home) {
        this.home = home;
    }

    HermesProcess(Path home, FakeModelServer server, String extraConfig) throws IOException {
        this.home = home;
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.yaml"), "model:\n  provider: custom\n  base_url: "
                + server.openAiBaseUrl() + "\n  default: fake-model\n" + extraConfig);
    }

    Run run(String stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HERMES.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HERMES_HOME", home.toString());
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("hermes " + arguments[0] + " finished").isTrue();
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Runs and expects exit 0; returns stdout. */
    String ok(String... arguments) throws IOException, InterruptedException {
        Run run = run("", arguments);
        assertThat(run.exit()).as("exit of hermes %s; stderr: %s; stdout: %s", String.join(" ", arguments),
                run.stderr(), run.stdout()).isZero();
        return run.stdout();
    }

    /** Starts {@code hermes gateway run} from the distribution at {@code script}; its output goes to gateway.log. */
    Process startGateway(Path script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "gateway", "run");
        builder.environment().put("HERMES_HOME", home.toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                home.resolve("gateway.log").toFile()));
        return builder.start();
    }

    /** {@link #startGateway} with this build's distribution. */
    Process startGateway() throws IOException {
        return startGateway(HERMES);
    }

    /** Stops a gateway as systemd would (SIGTERM), and kills it when it does not end in time. Null-safe. */
    static void stopGateway(Process gateway) throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }
}
