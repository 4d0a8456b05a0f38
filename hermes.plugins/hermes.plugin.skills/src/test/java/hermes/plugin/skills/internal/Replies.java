package hermes.plugin.skills.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Session;

/** A command context that keeps what the command replied. */
final class Replies implements Command.Context {

    private final List<String> replies = new CopyOnWriteArrayList<>();
    private final Optional<Session> session;
    private final Caller caller;

    Replies() {
        this(Optional.empty(), Caller.localUser());
    }

    Replies(Optional<Session> session, Caller caller) {
        this.session = session;
        this.caller = caller;
    }

    @Override
    public Optional<Session> session() {
        return session;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public void reply(String text) {
        replies.add(text);
    }

    String last() {
        return replies.getLast();
    }
}
