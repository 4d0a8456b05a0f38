package hermes.plugin.terminal.local.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import hermes.api.TerminalBackend.CommandResult;
import hermes.api.TerminalBackend.Shell;
import hermes.api.TerminalBackend.ShellSpec;
import hermes.api.ToolContext;

/**
 * A session's shell on this machine. Each command is a fresh {@code bash -c} (see {@link ShellScript}); the working
 * directory and exported variables carry over from one command to the next through a state file.
 *
 * <p>Threading: safe for concurrent use; when two commands run at once, the state of the one that ends last wins.
 */
final class LocalShell implements Shell {

    /** The config key listing secret-looking variables the user wants commands to see. */
    static final String ENV_PASSTHROUGH = "terminal.env_passthrough";
    /** The exit status of a command the timeout ended, as coreutils {@code timeout} reports it. */
    static final int TIMED_OUT_STATUS = 124;
    /** How long output may keep arriving after the command ended (a background child can hold the pipe open). */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final Map<String, String> processEnvironment;
    private final Path stateDirectory;
    private final Consumer<LocalShell> onClose;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong commandCount = new AtomicLong();
    private volatile Path workingDirectory;
    /** Everything the session exported, secrets included: commands see them, {@link #environment()} does not. */
    private volatile Map<String, String> exported;
    /** The passthrough list of the latest {@link #run}; {@link #spawn} has no context to read it from. */
    private volatile List<String> passthrough = List.of();

    /**
     * @param processEnvironment the environment commands inherit before filtering (the JVM's, or a test's)
     * @param onClose told when the shell closes, so the backend stops tracking it
     */
    LocalShell(ShellSpec spec, Map<String, String> processEnvironment, Consumer<LocalShell> onClose)
            throws IOException {
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.stateDirectory = Files.createTempDirectory("hermes-shell-");
        this.onClose = onClose;
        this.workingDirectory = spec.workingDirectory().toAbsolutePath();
        this.exported = spec.environment();
    }

    @Override
    public CommandResult run(String command, Duration timeout, ToolContext context)
            throws IOException, InterruptedException {
        List<String> allowed = passthroughOf(context);
        passthrough = allowed;
        // A fresh name per command: the file exists afterwards only if the command reached the end of the script.
        Path stateFile = stateDirectory.resolve("state-" + commandCount.incrementAndGet() + ".env");
        try {
            return runScript(ShellScript.around(command, workingDirectory, stateFile), timeout, context, allowed,
                    stateFile);
        } finally {
            Files.deleteIfExists(stateFile);
        }
    }

    private CommandResult runScript(String script, Duration timeout, ToolContext context, List<String> allowed,
                                    Path stateFile) throws IOException, InterruptedException {
        Process process = start(script, allowed, ProcessBuilder.Redirect.from(new File("/dev/null")));
        context.track(process.toHandle());
        CapturedOutput output = CapturedOutput.start(process.getInputStream());
        AtomicBoolean cancelled = new AtomicBoolean();
        context.onCancel(() -> {
            if (process.isAlive()) {
                cancelled.set(true);
                ProcessTrees.kill(process.toHandle());
            }
        });
        try {
            if (!process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                ProcessTrees.kill(process.toHandle());
                process.waitFor(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                output.awaitEnd(OUTPUT_GRACE);
                return new CommandResult(TIMED_OUT_STATUS, output.text(), true);
            }
        } catch (InterruptedException interrupted) {
            ProcessTrees.kill(process.toHandle());
            throw interrupted;
        }
        output.awaitEnd(OUTPUT_GRACE);
        if (cancelled.get()) {
            return new CommandResult(-1, output.text(), false);
        }
        Map<String, String> inherited = ChildEnvironment.filter(processEnvironment, allowed);
        ShellScript.readState(stateFile, inherited).ifPresent(state -> {
            workingDirectory = state.workingDirectory();
            exported = Map.copyOf(state.environment());
        });
        return new CommandResult(process.exitValue(), output.text(), false);
    }

    @Override
    public Process spawn(String command) throws IOException {
        return start(ShellScript.detached(command, workingDirectory), passthrough, ProcessBuilder.Redirect.PIPE);
    }

    private Process start(String script, Collection<String> allowed, ProcessBuilder.Redirect input)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .redirectInput(input);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(ChildEnvironment.filter(processEnvironment, allowed));
        environment.putAll(exported);
        Process process = builder.start();
        running.add(process);
        process.onExit().thenRun(() -> running.remove(process));
        return process;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> visible = new LinkedHashMap<>();
        exported.forEach((name, value) -> {
            if (!ChildEnvironment.isSecretName(name)) {
                visible.put(name, value);
            }
        });
        return Map.copyOf(visible);
    }

    @Override
    public void close() {
        running.forEach(process -> ProcessTrees.kill(process.toHandle()));
        try (Stream<Path> files = Files.walk(stateDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(LocalShell::delete);
        } catch (IOException | UncheckedIOException gone) {
            // Already removed (a temp cleaner ran): nothing left to delete.
        }
        onClose.accept(this);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException busy) {
            throw new UncheckedIOException(busy);
        }
    }

    /** The names listed in {@code terminal.env_passthrough}: a YAML list, or one comma-separated string. */
    static List<String> passthroughOf(ToolContext context) {
        Optional<Object> value = context.config(ENV_PASSTHROUGH);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).map(String::strip).filter(name -> !name.isEmpty()).toList();
        }
        return Stream.of(String.valueOf(value.get()).split("[,\\s]+")).filter(name -> !name.isEmpty()).toList();
    }
}
