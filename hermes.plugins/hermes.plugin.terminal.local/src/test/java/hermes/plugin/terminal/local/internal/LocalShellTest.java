package hermes.plugin.terminal.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.TerminalBackend.CommandResult;
import hermes.api.TerminalBackend.ShellSpec;
import hermes.testing.FakeToolContext;

class LocalShellTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private LocalShell shell;

    private LocalShell open(Map<String, String> processEnvironment) throws IOException {
        shell = new LocalShell(new ShellSpec("s1", directory, Map.of()), processEnvironment, closed -> { });
        return shell;
    }

    private LocalShell open() throws IOException {
        return open(System.getenv());
    }

    /** The session the shell was opened for, as the runtime hands it to each command. */
    private FakeToolContext context() {
        return new FakeToolContext(directory).withSessionId("s1");
    }

    @AfterEach
    void closeShell() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void cdAndExportPersistAcrossRuns() throws Exception {
        Files.createDirectory(directory.resolve("sub"));
        LocalShell shell = open();

        shell.run("cd sub && export GREETING='hello world'", TEN_SECONDS, context());
        CommandResult result = shell.run("pwd; echo \"$GREETING\"", TEN_SECONDS, context());

        assertThat(result).isEqualTo(new CommandResult(0, directory.resolve("sub").toRealPath() + "\nhello world\n",
                false));
        assertThat(shell.workingDirectory()).isEqualTo(directory.resolve("sub").toRealPath());
        assertThat(shell.environment()).containsEntry("GREETING", "hello world")
                .doesNotContainKeys("PWD", "OLDPWD", "SHLVL", "_");
    }

    @Test
    void commandThatExitsEarlyReportsItsStatusAndKeepsTheOldState() throws Exception {
        Files.createDirectory(directory.resolve("elsewhere"));
        LocalShell shell = open();

        CommandResult result = shell.run("echo before; cd elsewhere; export LOST=1; exit 3", TEN_SECONDS,
                context());

        assertThat(result).isEqualTo(new CommandResult(3, "before\n", false));
        assertThat(shell.workingDirectory()).isEqualTo(directory.toAbsolutePath());
        assertThat(shell.environment()).doesNotContainKey("LOST");
    }

    @Test
    void failingCommandKeepsItsStatusAndStderrIsInTheOutput() throws Exception {
        CommandResult result = open().run("echo out; echo err >&2; false", TEN_SECONDS, context());

        assertThat(result).isEqualTo(new CommandResult(1, "out\nerr\n", false));
    }

    @Test
    void unsetRemovesAnExportedVariable() throws Exception {
        LocalShell shell = open();
        shell.run("export A=1 B=2", TEN_SECONDS, context());

        shell.run("unset A", TEN_SECONDS, context());

        assertThat(shell.environment()).containsEntry("B", "2").doesNotContainKey("A");
    }

    @Test
    void timeoutKillsTheCommandPromptlyAndSaysSo() throws Exception {
        LocalShell shell = open();
        long start = System.nanoTime();

        CommandResult result = shell.run("echo started; sleep 30", Duration.ofMillis(500), context());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result).isEqualTo(new CommandResult(124, "started\n", true));
    }

    @Test
    void cancelDuringSleepReturnsPromptlyAndLeavesNoProcess() throws Exception {
        LocalShell shell = open();
        FakeToolContext context = context();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try {
            scheduler.schedule(context::cancel, 800, TimeUnit.MILLISECONDS);
            List<ProcessHandle> tree = new CopyOnWriteArrayList<>();
            scheduler.schedule(() -> context.tracked().forEach(root -> {
                tree.add(root);
                tree.addAll(root.descendants().toList());
            }), 400, TimeUnit.MILLISECONDS);

            CommandResult result = shell.run("sleep 30", Duration.ofSeconds(60), context);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(result.exitCode()).isEqualTo(-1);
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // bash and its sleep
            for (ProcessHandle process : tree) {
                process.onExit().get(5, TimeUnit.SECONDS);
            }
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void secretVariablesAreStrippedAndPassthroughKeepsOne() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", System.getenv("PATH"),
                "HOME", directory.toString(),
                "OPENAI_API_KEY", "sk-live",
                "GITHUB_TOKEN", "ghp-live",
                "PLAIN", "visible"));
        LocalShell shell = open(environment);
        FakeToolContext context = context().with(LocalShell.ENV_PASSTHROUGH, List.of("GITHUB_TOKEN"));

        CommandResult result = shell.run("echo \"${OPENAI_API_KEY:-none} ${GITHUB_TOKEN:-none} $PLAIN\"",
                TEN_SECONDS, context);

        assertThat(result.output()).isEqualTo("none ghp-live visible\n");
        assertThat(shell.environment()).isEmpty();
    }

    @Test
    void exportedSecretReachesLaterCommandsButNotTheSessionEnvironment() throws Exception {
        LocalShell shell = open();
        shell.run("export MY_SERVICE_TOKEN=abc PLAIN_SETTING=on", TEN_SECONDS, context());

        CommandResult result = shell.run("echo $MY_SERVICE_TOKEN", TEN_SECONDS, context());

        assertThat(result.output()).isEqualTo("abc\n");
        assertThat(shell.environment()).isEqualTo(Map.of("PLAIN_SETTING", "on"));
    }

    @Test
    void vanishedWorkingDirectoryFallsBackToHomeAndSaysWhy() throws Exception {
        Path doomed = Files.createDirectory(directory.resolve("doomed"));
        LocalShell shell = open(Map.of("PATH", System.getenv("PATH"), "HOME", directory.toString()));
        shell.run("cd doomed", TEN_SECONDS, context());
        Files.delete(doomed);

        CommandResult result = shell.run("pwd", TEN_SECONDS, context());

        assertThat(result.output()).contains("no longer exists").endsWith(directory + "\n");
        assertThat(shell.workingDirectory()).isEqualTo(directory);
    }

    @Test
    void spawnStartsInTheShellDirectoryWithItsVariablesAndAPipeForInput() throws Exception {
        LocalShell shell = open();
        shell.run("export WHO=spawned", TEN_SECONDS, context());

        Process process = shell.spawn("read line; echo \"$WHO $line $(pwd)\"");
        try (OutputStream input = process.getOutputStream()) {
            input.write("typed\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("spawned typed " + directory.toRealPath() + "\n");
    }

    @Test
    void closeEndsSpawnedProcesses() throws Exception {
        LocalShell shell = open();
        Process process = shell.spawn("sleep 30");

        shell.close();
        this.shell = null;

        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void outputArrivesInOrderFromAChattyCommand() throws Exception {
        CommandResult result = open().run("seq 1 100000", TEN_SECONDS, context());

        assertThat(result.output().lines()).hasSize(100_000).startsWith("1").endsWith("100000");
    }
}
