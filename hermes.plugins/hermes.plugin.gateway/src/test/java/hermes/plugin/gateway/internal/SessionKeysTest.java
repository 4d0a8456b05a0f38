package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import hermes.api.Caller;

class SessionKeysTest {

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} perUser={4} threadPerUser={5} -> {6}")
    @CsvSource(nullValues = "-", value = {
        // platform, chat, thread, user, group_sessions_per_user, thread_sessions_per_user, key
        "telegram, 42, -, 42, true, false, agent:main:telegram:dm:42",
        "telegram, 42, 7, 42, true, false, agent:main:telegram:dm:42:7",
        "email, -, -, bob@example.org, true, false, agent:main:email:dm:bob@example.org",
        "email, -, t1, bob@example.org, true, false, agent:main:email:dm:bob@example.org:t1",
        "telegram, -100, -, 42, true, false, agent:main:telegram:group:-100:42",
        "telegram, -100, -, 42, false, false, agent:main:telegram:group:-100",
        "telegram, -100, 9, 42, true, false, agent:main:telegram:group:-100:9",
        "telegram, -100, 9, 42, true, true, agent:main:telegram:group:-100:9:42",
        "telegram, -100, 9, 42, false, true, agent:main:telegram:group:-100:9",
    })
    void sessionKeysFollowTheOriginalLayout(String platform, String chat, String thread, String user,
                                            boolean groupPerUser, boolean threadPerUser, String key) {
        Caller caller = new Caller(platform, Optional.ofNullable(chat), Optional.ofNullable(thread),
                Optional.ofNullable(user), Caller.Trust.AUTHORIZED);

        assertThat(SessionKeys.of(caller, ChatType.of(caller), groupPerUser, threadPerUser)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"telegram, 42, 42, DM", "telegram, -100, 42, GROUP", "email, '', bob, DM"})
    void aChatWhoseIdIsTheSendersIsADirectMessage(String platform, String chat, String user, ChatType type) {
        Caller caller = new Caller(platform, Optional.of(chat).filter(id -> !id.isEmpty()), Optional.empty(),
                Optional.of(user), Caller.Trust.UNTRUSTED);

        assertThat(ChatType.of(caller)).isEqualTo(type);
    }
}
