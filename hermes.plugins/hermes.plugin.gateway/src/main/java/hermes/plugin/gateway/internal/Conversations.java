package hermes.plugin.gateway.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import hermes.api.Caller;

/**
 * The conversation of every chat that wrote since the gateway started, by session key. Applies the reset policy:
 * when a chat's route has expired (idle too long, or the daily reset hour passed), its next message starts a new
 * conversation and the chat is told once, before the answer.
 *
 * <p>Threading: any thread; calls for one key come from that chat's lane, one at a time.
 */
final class Conversations implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Conversations.class.getName());

    private final ChatConversation.Services services;
    private final GatewaySettings settings;
    private final ConcurrentMap<String, ChatConversation> live = new ConcurrentHashMap<>();

    Conversations(ChatConversation.Services services, GatewaySettings settings) {
        this.services = services;
        this.settings = settings;
    }

    /** The conversation for a message of this chat, after the reset policy; records the chat's activity. */
    ChatConversation prepare(String key, Caller caller, ChatType type, ReplyTarget target) {
        Instant now = services.clock().instant();
        ChatConversation conversation = live.get(key);
        Optional<ChatRouter.Route> route = services.router().find(key);
        if (route.isPresent()) {
            ResetPolicy policy = settings.resetPolicy(caller.platform());
            Optional<ResetPolicy.Reason> expired = policy.expiry(route.get().updatedAt(), now, services.zone());
            if (expired.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "the conversation of " + key + " (" + route.get().sessionId()
                        + ") expired (" + expired.get().name().toLowerCase(Locale.ROOT)
                        + "); the next turn starts a new one");
                if (conversation != null) {
                    conversation.close();
                }
                conversation = new ChatConversation(key, caller, type, target, Optional.empty(), true, services);
                live.put(key, conversation);
                // opened now, so the route moves to the new session at once and the notice is never repeated
                conversation.session();
                if (policy.announce()) {
                    services.outbox().send(target.platform(), target.message(policy.notice(expired.get()),
                            Optional.empty()));
                }
                return conversation;
            }
            services.router().touch(key, now);
        }
        if (conversation == null) {
            conversation = new ChatConversation(key, caller, type, target, route.map(ChatRouter.Route::sessionId),
                    false, services);
            live.put(key, conversation);
        }
        conversation.retarget(target);
        return conversation;
    }

    /** {@code /new}: ends the chat's conversation; its next turn starts a new one. */
    ChatConversation reset(String key, Caller caller, ChatType type, ReplyTarget target) {
        ChatConversation fresh = new ChatConversation(key, caller, type, target, Optional.empty(), false, services);
        ChatConversation previous = live.put(key, fresh);
        if (previous != null) {
            previous.close();
        }
        // opened now, so the route points at the new session even if the gateway restarts before the next message
        fresh.session();
        return fresh;
    }

    Optional<ChatConversation> find(String key) {
        return Optional.ofNullable(live.get(key));
    }

    /** Ends every conversation (the gateway stops); the chats continue their stored sessions after a restart. */
    @Override
    public void close() {
        List<ChatConversation> all = List.copyOf(live.values());
        live.clear();
        all.forEach(ChatConversation::close);
    }
}
