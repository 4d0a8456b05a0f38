package hermes.plugin.tools.clarify.internal;

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

/** A {@link ToolContext} whose user gives one prepared answer (or none) and remembers what was asked. */
final class AskingContext implements ToolContext {

    /** One question as the tool put it to the user. */
    record Question(String text, List<String> choices) {
    }

    private final Optional<String> answer;
    final List<Question> asked = new ArrayList<>();

    AskingContext(Optional<String> answer) {
        this.answer = answer;
    }

    @Override
    public Optional<String> ask(String question, List<String> choices) {
        asked.add(new Question(question, List.copyOf(choices)));
        return answer;
    }

    @Override
    public String sessionId() {
        return "20260101_000000_abcdef";
    }

    @Override
    public Caller caller() {
        return Caller.localUser();
    }

    @Override
    public Path workingDirectory() {
        throw new UnsupportedOperationException("clarify has no use for a working directory");
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable action) {
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public void track(ProcessHandle process) {
        throw new UnsupportedOperationException("clarify starts no processes");
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.empty();
    }

    @Override
    public TerminalBackend.Shell shell() {
        throw new UnsupportedOperationException("clarify needs no shell");
    }

    @Override
    public ConcurrentMap<String, String> sessionState() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void notify(String text) {
        throw new UnsupportedOperationException("clarify notifies nothing");
    }

    @Override
    public void onSessionClose(Runnable action) {
    }
}
