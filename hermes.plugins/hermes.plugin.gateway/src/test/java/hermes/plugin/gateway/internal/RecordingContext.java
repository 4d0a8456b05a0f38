package hermes.plugin.gateway.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Session;

/** The terminal a one-shot command replies to. */
final class RecordingContext implements Command.Context {

    final List<String> replies = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Session> session() {
        return Optional.empty();
    }

    @Override
    public Caller caller() {
        return Caller.localUser();
    }

    @Override
    public void reply(String text) {
        replies.add(text);
    }

    String text() {
        return String.join("\n", replies);
    }
}
