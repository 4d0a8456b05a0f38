package hermes.runtime.internal.commands;

import hermes.api.Command;
import hermes.api.Session;

/** The session a session command acts on. */
final class CommandSessions {

    private CommandSessions() {
    }

    static Session require(Command.Context context) {
        return context.session().orElseThrow(() -> new IllegalStateException("no conversation is open here"));
    }
}
