package hermes.plugin.skills.internal;

import java.util.Objects;
import java.util.Optional;

import hermes.api.Caller;

/**
 * Who changes a skill and why, as a revision records it.
 *
 * @param who {@code agent:<session id>} or {@code user (<platform>)}
 * @param reason why, when they said
 */
record Actor(String who, Optional<String> reason) {

    Actor {
        Objects.requireNonNull(who, "who");
        reason = reason.map(String::strip).filter(text -> !text.isEmpty());
    }

    static Actor agent(String sessionId, Optional<String> reason) {
        return new Actor("agent:" + sessionId, reason);
    }

    static Actor user(Caller caller, Optional<String> reason) {
        return new Actor("user (" + caller.platform() + caller.userId().map(id -> " " + id).orElse("") + ")", reason);
    }
}
