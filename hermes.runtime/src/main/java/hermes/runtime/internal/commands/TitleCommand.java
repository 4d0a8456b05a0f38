package hermes.runtime.internal.commands;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.Command;
import hermes.api.Session;
import hermes.api.SessionStore;

/** {@code /title [TEXT]}: show or set the conversation's title (unique; {@code hermes -c TITLE} resumes by it). */
@Component(service = Command.class)
public final class TitleCommand implements Command {

    /** The best-ranked store, replaced when a better one arrives. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SessionStore store;

    @Override
    public String name() {
        return "title";
    }

    @Override
    public String description() {
        return "show or set this conversation's title: /title TEXT";
    }

    @Override
    public void run(String arguments, Context context) throws IOException {
        Session session = CommandSessions.require(context);
        SessionStore sessions = store;
        if (sessions == null) {
            throw new IllegalStateException("no session store is installed, so titles cannot be kept");
        }
        SessionStore.SessionRecord record = sessions.find(session.id()).orElseThrow(() -> new IllegalStateException(
                "this conversation is not saved yet: send a message first, then /title"));
        if (arguments.isBlank()) {
            context.reply(record.title().map(t -> "title: " + t)
                    .orElse("this conversation has no title yet: /title TEXT sets one"));
            return;
        }
        sessions.rename(session.id(), arguments);
        context.reply("title: " + arguments.strip());
    }
}
