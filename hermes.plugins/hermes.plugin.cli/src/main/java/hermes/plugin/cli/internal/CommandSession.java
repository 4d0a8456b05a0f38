package hermes.plugin.cli.internal;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import hermes.api.Event;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;

/**
 * The REPL's session as a slash command sees it: the same session, which also notes a turn the command starts
 * ({@code /retry} submits {@link Submission.Retry}), so the shell can render that turn and answer its questions
 * before it shows the prompt again.
 *
 * <p>Threading: a command runs on the CLI thread; {@link #startedTurn} is read there after it returns.
 */
final class CommandSession implements Session {

    private final Session session;
    private volatile Optional<String> startedTurn = Optional.empty();

    CommandSession(Session session) {
        this.session = session;
    }

    /** The submission id of the last turn the command started, if it started one. */
    Optional<String> startedTurn() {
        return startedTurn;
    }

    @Override
    public String submit(Submission submission) {
        String id = session.submit(submission);
        if (submission instanceof Submission.UserTurn || submission instanceof Submission.Retry) {
            startedTurn = Optional.of(id);
        }
        return id;
    }

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public SessionSpec spec() {
        return session.spec();
    }

    @Override
    public String model() {
        return session.model();
    }

    @Override
    public Usage usage() {
        return session.usage();
    }

    @Override
    public Optional<String> setting(String key) {
        return session.setting(key);
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return session.subscribe(listener);
    }

    @Override
    public CompletionStage<ToolResult> callTool(ToolCall call) {
        return session.callTool(call);
    }

    @Override
    public void close() {
        session.close();
    }
}
