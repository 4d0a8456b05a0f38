package hermes.plugin.gateway.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hermes.api.Caller;

/**
 * The original's session keys ({@code gateway/session.py::build_session_key}), the single source of truth for which
 * chat continues which conversation:
 * <ul>
 *   <li>DM: {@code agent:main:<platform>:dm:<chat_id>[:<thread_id>]}; without a chat id the sender's id takes its
 *       place, so two users are never merged.</li>
 *   <li>Group or channel: {@code agent:main:<platform>:<type>:<chat_id>[:<thread_id>][:<user_id>]}: the user id is
 *       appended when {@code group_sessions_per_user} (default true), except inside a thread, which all participants
 *       share unless {@code thread_sessions_per_user}.</li>
 * </ul>
 */
final class SessionKeys {

    private static final String NAMESPACE = "agent:main";

    private SessionKeys() {
    }

    static String of(Caller caller, ChatType type, boolean groupSessionsPerUser, boolean threadSessionsPerUser) {
        Optional<String> chat = caller.chatId().filter(id -> !id.isEmpty());
        Optional<String> thread = caller.threadId().filter(id -> !id.isEmpty());
        Optional<String> user = caller.userId().filter(id -> !id.isEmpty());
        List<String> parts = new ArrayList<>(List.of(NAMESPACE, caller.platform(), type.key()));
        chat.ifPresent(parts::add);
        if (type == ChatType.DM) {
            if (chat.isEmpty()) {
                user.ifPresent(parts::add);
            }
            thread.ifPresent(parts::add);
        } else {
            thread.ifPresent(parts::add);
            boolean perUser = groupSessionsPerUser && (thread.isEmpty() || threadSessionsPerUser);
            if (perUser) {
                user.ifPresent(parts::add);
            }
        }
        return String.join(":", parts);
    }
}
