package hermes.plugin.tools.files.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import hermes.api.Caller;
import hermes.api.TerminalBackend;
import hermes.api.ToolContext;

/** A {@link ToolContext} for tests: a working directory, configuration from a map, and nothing interactive. */
final class FakeToolContext implements ToolContext {

    private final Path workingDirectory;
    private final Map<String, Object> config;
    private final ConcurrentMap<String, String> sessionState = new ConcurrentHashMap<>();
    final List<ProcessHandle> tracked = new ArrayList<>();
    volatile boolean cancelled;

    FakeToolContext(Path workingDirectory) {
        this(workingDirectory, Map.of());
    }

    FakeToolContext(Path workingDirectory, Map<String, Object> config) {
        this.workingDirectory = workingDirectory;
        this.config = Map.copyOf(config);
    }

    @Override
    public String sessionId() {
        return "test-session";
    }

    @Override
    public Caller caller() {
        return Caller.localUser();
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        if (cancelled) {
            action.run();
        }
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public synchronized void track(ProcessHandle process) {
        tracked.add(process);
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public TerminalBackend.Shell shell() throws IOException {
        throw new IOException("the test context has no terminal");
    }

    @Override
    public ConcurrentMap<String, String> sessionState() {
        return sessionState;
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) {
        return Optional.empty();
    }

    @Override
    public void notify(String text) {
    }

    @Override
    public void onSessionClose(Runnable action) {
    }
}
