package hermes.plugin.cli.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.Submission;
import hermes.api.ToolInfo;

/** A runtime with one scripted {@link FakeSession}, opened by the first {@link #open}. */
final class FakeRuntime implements AgentRuntime {

    private final Function<Submission, List<Event.Payload>> script;
    volatile FakeSession session;

    FakeRuntime(Function<Submission, List<Event.Payload>> script) {
        this.script = script;
    }

    @Override
    public synchronized Session open(SessionSpec spec) {
        if (session != null) {
            throw new IllegalStateException("the fake runtime opens one session");
        }
        session = new FakeSession(spec, script);
        return session;
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return Optional.ofNullable(session).filter(s -> s.id().equals(sessionId)).map(s -> s);
    }

    @Override
    public List<ToolInfo> tools() {
        return List.of();
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return () -> { };
    }
}
