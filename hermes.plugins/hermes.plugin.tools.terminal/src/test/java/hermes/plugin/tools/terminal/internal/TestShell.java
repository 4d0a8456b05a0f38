package hermes.plugin.tools.terminal.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import hermes.api.TerminalBackend.CommandResult;
import hermes.api.TerminalBackend.Shell;
import hermes.api.ToolContext;
import hermes.testing.FakeToolContext;

/**
 * A bare bash shell for the tools' tests: every command runs in one fixed directory, nothing carries over. The tools
 * bundle must not depend on a backend bundle, and these tests are about the tools, not about keeping state.
 */
final class TestShell implements Shell {

    /** The session {@code sessionId}, working in {@code directory} with a TestShell there. */
    static FakeToolContext session(String sessionId, Path directory) {
        return new FakeToolContext(directory).withSessionId(sessionId).withShell(new TestShell(directory));
    }

    private final Path directory;

    TestShell(Path directory) {
        this.directory = directory;
    }

    @Override
    public CommandResult run(String command, Duration timeout, ToolContext context)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        context.onCancel(() -> killTree(process));
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (output) {
                    output.append(text);
                }
            } catch (IOException closed) {
                // killed: no output
            }
        });
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            killTree(process);
        }
        reader.join(Duration.ofSeconds(5));
        synchronized (output) {
            return exited ? new CommandResult(process.exitValue(), output.toString(), false)
                    : new CommandResult(124, output.toString(), true);
        }
    }

    @Override
    public Process spawn(String command) throws IOException {
        return new ProcessBuilder("bash", "-c", command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
    }

    @Override
    public Path workingDirectory() {
        return directory;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public void close() {
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
