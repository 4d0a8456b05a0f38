package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayCommandTest {

    @TempDir
    Path home;
    @TempDir
    Path tools;
    Harness harness;
    Path units;

    @BeforeEach
    void setUp() {
        harness = new Harness(home);
        units = tools.resolve("systemd/user");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void theUnitRunsTheGatewayFromTheHermesScriptAndRestartsItOnFailure() {
        assertThat(SystemdUnit.content(Path.of("/opt/hermes/bin/hermes"), Path.of("/home/ada/.hermes"))).isEqualTo("""
                [Unit]
                Description=Hermes agent gateway (messaging platforms)
                After=network-online.target
                Wants=network-online.target

                [Service]
                Type=simple
                ExecStart=/opt/hermes/bin/hermes gateway run
                Restart=on-failure
                RestartSec=5
                Environment=HERMES_HOME=/home/ada/.hermes

                [Install]
                WantedBy=default.target
                """);
    }

    @Test
    void systemdAcceptsTheUnitWhereItIsInstalled() throws Exception {
        Optional<Path> analyze = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "systemd-analyze")).filter(Files::isExecutable)
                .findFirst();
        Assumptions.assumeTrue(analyze.isPresent(), "systemd-analyze is not installed here");
        Path script = Files.writeString(tools.resolve("hermes"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path unit = Files.writeString(tools.resolve("hermes-gateway.service"), SystemdUnit.content(script, home));

        Process verify = new ProcessBuilder(analyze.get().toString(), "verify", unit.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.waitFor()).as(output).isZero();
    }

    @Test
    void pathsWithSpacesAndPercentSignsAreQuotedAndEscaped() {
        assertThat(SystemdUnit.content(Path.of("/opt/my apps/hermes"), Path.of("/home/ada/100% hermes")))
                .contains("ExecStart=\"/opt/my apps/hermes\" gateway run\n")
                .contains("Environment=\"HERMES_HOME=/home/ada/100%% hermes\"\n");
    }

    @Test
    void installWritesTheUnitAndUninstallRemovesIt() throws Exception {
        GatewayCommand command = command(Optional.of("/opt/hermes/bin/hermes"), Optional.empty());

        String installed = run(command, "install");

        Path unit = units.resolve("hermes-gateway.service");
        assertThat(Files.readString(unit)).isEqualTo(SystemdUnit.content(Path.of("/opt/hermes/bin/hermes"), home));
        assertThat(installed).startsWith("Wrote " + unit + ".").contains("hermes gateway run");
        assertThat(run(command, "status")).contains("Service unit: " + unit);
        assertThat(run(command, "uninstall")).isEqualTo("Removed " + unit + ".");
        assertThat(unit).doesNotExist();
    }

    @Test
    void withoutTheScriptPropertyTheHermesOnThePathIsUsed() throws Exception {
        Path bin = Files.createDirectories(tools.resolve("bin"));
        Path script = Files.writeString(bin.resolve("hermes"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(SystemdUnit.script(Optional.empty(), Optional.of("/nonexistent:" + bin))).isEqualTo(script);
        assertThatThrownBy(() -> SystemdUnit.script(Optional.empty(), Optional.of("/nonexistent")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot find the hermes script");
    }

    @Test
    void startWithoutSystemctlSaysHowToRunInTheForeground() {
        GatewayCommand command = command(Optional.of("/opt/hermes/bin/hermes"), Optional.empty());

        assertThatThrownBy(() -> run(command, "start")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("systemctl is not available here").hasMessageContaining("hermes gateway run");
    }

    @Test
    void startStopAndRestartGoThroughSystemctlUser() throws Exception {
        Path log = tools.resolve("systemctl.log");
        Path systemctl = Files.writeString(tools.resolve("systemctl"), "#!/bin/sh\necho \"$@\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        GatewayCommand command = command(Optional.of("/opt/hermes/bin/hermes"), Optional.of(systemctl));

        assertThatThrownBy(() -> run(command, "start")).hasMessageContaining("run hermes gateway install first");
        run(command, "install");
        assertThat(run(command, "start")).isEqualTo("Started the gateway service; hermes gateway status shows it.");
        run(command, "restart");
        run(command, "stop");
        run(command, "uninstall");

        assertThat(Files.readAllLines(log)).containsExactly("--user daemon-reload",
                "--user enable hermes-gateway.service", "--user start hermes-gateway.service",
                "--user restart hermes-gateway.service", "--user stop hermes-gateway.service",
                "--user disable --now hermes-gateway.service", "--user daemon-reload");
    }

    @Test
    void runBlocksUntilTheGatewayIsStoppedAndLeavesNoPidFile() throws Exception {
        GatewayCommand command = command(Optional.empty(), Optional.empty());
        RecordingContext context = new RecordingContext();
        Thread running = Thread.ofVirtual().start(() -> {
            try {
                command.run("run", context);
            } catch (Exception e) {
                context.reply("failed: " + e);
            }
        });
        Eventually.until("the gateway runs", harness.gateway::isRunning);

        assertThat(running.isAlive()).isTrue();
        assertThat(Files.readString(home.resolve("gateway.pid"))).contains("\"pid\":4242");
        assertThat(run(command, "status")).startsWith("The gateway runs in this process.\nNo channel is installed."
                + "\nOutbox: 0 replies waiting for delivery");

        harness.gateway.stop();
        running.join(10_000);
        assertThat(running.isAlive()).isFalse();
        assertThat(context.replies).first().asString().startsWith("gateway running (pid 4242");
        assertThat(context.replies).last().isEqualTo("gateway stopped");
        assertThat(home.resolve("gateway.pid")).doesNotExist();
    }

    @Test
    void anInterruptEndsRun() throws Exception {
        RecordingContext context = new RecordingContext();
        Thread running = Thread.ofVirtual().start(() -> {
            try {
                command(Optional.empty(), Optional.empty()).run("run", context);
            } catch (Exception e) {
                context.reply("failed: " + e);
            }
        });
        Eventually.until("the gateway runs", harness.gateway::isRunning);

        running.interrupt();
        running.join(10_000);

        assertThat(harness.gateway.isRunning()).isFalse();
        assertThat(context.replies).last().isEqualTo("gateway stopped");
    }

    @Test
    void statusNamesAGatewayRunningInAnotherProcess() throws Exception {
        Path holder = tools.resolve("HoldPidFile.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class HoldPidFile {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        channel.lock();
                        channel.write(java.nio.ByteBuffer.wrap(("{\\"pid\\":" + ProcessHandle.current().pid()
                                + "}").getBytes()));
                        System.out.println("locked");
                        System.in.read();
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, holder.toString(), home.resolve("gateway.pid").toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");

            assertThat(run(command(Optional.empty(), Optional.empty()), "status"))
                    .startsWith("The gateway runs in another process (pid " + process.pid() + ").");
            assertThatThrownBy(harness::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the gateway already runs (pid " + process.pid() + ")");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(run(command(Optional.empty(), Optional.empty()), "status"))
                .as("a pid file nobody holds is stale").startsWith("The gateway is not running");
    }

    @Test
    void statusListsInstalledChannelsAndWhetherTheyAreEnabled() throws Exception {
        harness.channel("telegram");
        harness.gateway.addChannel(new FakeChannel("email"));

        assertThat(run(command(Optional.empty(), Optional.empty()), "status")).isEqualTo("""
                The gateway is not running: start it with hermes gateway run (in the foreground) or hermes gateway \
                start (as a service).
                Channels:
                  email: disabled (set platforms.email.enabled: true in config.yaml or EMAIL_ENABLED=true in .env)
                  telegram: enabled""");
    }

    private GatewayCommand command(Optional<String> script, Optional<Path> systemctl) {
        return new GatewayCommand(harness.gateway, new GatewayCommand.ServiceSetup(script, Optional.empty(), units,
                new Systemctl(systemctl)));
    }

    private static String run(GatewayCommand command, String arguments) throws Exception {
        RecordingContext context = new RecordingContext();
        command.run(arguments, context);
        return context.text();
    }
}
