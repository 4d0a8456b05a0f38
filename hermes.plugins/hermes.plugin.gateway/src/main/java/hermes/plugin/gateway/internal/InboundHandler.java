package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import hermes.api.Caller;
import hermes.api.Channel;
import hermes.api.ContentPart;

/**
 * What happens to one inbound message, on its chat's lane: authorise (nothing from a sender who is not allowed
 * reaches the runtime — an unknown sender of a direct message may get a pairing code, group messages from unknown
 * users are ignored), resolve the session key, run a slash command, answer a pending clarifying question, or start a
 * turn (interrupting or queueing behind a running one).
 */
final class InboundHandler {

    private static final System.Logger LOG = System.getLogger(InboundHandler.class.getName());

    private final GatewaySettings settings;
    private final Authorizer authorizer;
    private final PairingStore pairing;
    private final Conversations conversations;
    private final ChatCommands commands;
    private final Function<String, Optional<Channel>> liveChannels;

    InboundHandler(GatewaySettings settings, Authorizer authorizer, PairingStore pairing, Conversations conversations,
                   ChatCommands commands, Function<String, Optional<Channel>> liveChannels) {
        this.settings = settings;
        this.authorizer = authorizer;
        this.pairing = pairing;
        this.conversations = conversations;
        this.commands = commands;
        this.liveChannels = liveChannels;
    }

    /** The lane of a message: its chat on its platform. */
    static String lane(String platform, Channel.Inbound message) {
        Caller caller = message.caller();
        return platform + "\u0000" + caller.chatId().or(caller::userId).orElse("");
    }

    void handle(String platform, Channel.Inbound message) {
        Caller sender = message.caller();
        ChatType type = ChatType.of(sender);
        Optional<String> userId = sender.userId().or(() -> type == ChatType.DM ? sender.chatId() : Optional.empty());
        Optional<String> chatId = sender.chatId().or(() -> userId);
        if (chatId.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, platform + " delivered a message without chat or user id; dropped");
            return;
        }
        ReplyTarget target = new ReplyTarget(platform, chatId.get(), sender.threadId());
        if (authorizer.authorize(platform, userId).isEmpty()) {
            if (type == ChatType.DM && settings.unauthorizedDmBehavior(platform) == GatewaySettings.DmBehavior.PAIR) {
                userId.ifPresent(user -> offerPairing(platform, user, target));
            }
            return;
        }
        // the platform is the channel's, whatever the message says: a channel cannot speak for another
        Caller caller = new Caller(platform, sender.chatId(), sender.threadId(), userId, Caller.Trust.AUTHORIZED);
        String key = SessionKeys.of(caller, type, settings.groupSessionsPerUser(), settings.threadSessionsPerUser());
        String text = message.text().strip();
        Optional<String> replyTo = Optional.of(message.messageId()).filter(id -> !id.isBlank());
        if (commands.dispatch(text, new ChatCommands.Invocation(key, caller, type, target, replyTo))) {
            return;
        }
        ChatConversation conversation = conversations.prepare(key, caller, type, target);
        if (!text.isEmpty() && conversation.answerClarify(text)) {
            return;
        }
        List<ContentPart> content = new ArrayList<>();
        if (!text.isEmpty()) {
            content.add(new ContentPart.Text(text));
        }
        content.addAll(message.attachments());
        if (content.isEmpty()) {
            return;
        }
        conversation.submitTurn(content, replyTo, settings.busyMode());
    }

    /**
     * Gives an unknown sender a pairing code, when one may be issued. The code goes straight to the channel, never
     * through the outbox (a database file that is not private to the user), and is never logged.
     */
    private void offerPairing(String platform, String user, ReplyTarget target) {
        Optional<String> code;
        try {
            code = pairing.requestCode(platform, user, "");
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot issue a pairing code on " + platform + ": " + e.getMessage());
            return;
        }
        if (code.isEmpty()) {
            return;
        }
        Optional<Channel> channel = liveChannels.apply(platform);
        if (channel.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "a pairing code for " + platform + " user " + user + " could not be"
                    + " sent: the channel is not running; the user can ask again in 10 minutes");
            return;
        }
        String text = """
                Hi! I don't know you yet, so I can't answer you.

                Your pairing code: %s

                Ask the owner of this Hermes to run:
                hermes pairing approve %s %s

                The code expires in 1 hour.""".formatted(code.get(), platform, code.get());
        try {
            channel.get().send(target.message(text, Optional.empty()));
            LOG.log(System.Logger.Level.INFO, "sent a pairing code to " + platform + " user " + user);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "a pairing code for " + platform + " user " + user + " could not be"
                    + " sent (" + e.getMessage() + "); the user can ask again in 10 minutes");
        }
    }
}
