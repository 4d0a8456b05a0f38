package hermes.plugin.gateway.internal;

import hermes.api.Caller;

/**
 * What kind of chat a message came from, as the original names it in session keys.
 *
 * <p>{@link Caller} does not carry the chat type yet, so it is inferred: a chat whose id is the sender's own id (or
 * that has no id) is a direct message, anything else a group. Channels (broadcast chats) need the type from the
 * platform; until the API carries it they are keyed as groups.
 */
enum ChatType {
    DM("dm"), GROUP("group"), CHANNEL("channel");

    private final String key;

    ChatType(String key) {
        this.key = key;
    }

    /** The name in session keys and {@code sessions.json}. */
    String key() {
        return key;
    }

    static ChatType of(Caller caller) {
        // an email thread is a conversation with one correspondent: a DM, though its chat id is the thread's root
        if (caller.platform().equals("email") || caller.chatId().isEmpty() || caller.chatId().equals(caller.userId())) {
            return DM;
        }
        return GROUP;
    }
}
