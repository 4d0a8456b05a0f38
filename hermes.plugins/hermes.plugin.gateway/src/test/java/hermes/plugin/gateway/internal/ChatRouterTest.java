package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Caller;

class ChatRouterTest {

    @TempDir
    Path home;

    @Test
    void aChatContinuesItsStoredSessionAfterAGatewayRestart() throws Exception {
        FakeRuntime runtime = new FakeRuntime();
        FakeTime time = new FakeTime(Instant.parse("2025-03-10T12:00:00Z"));
        String first;
        try (Harness before = new Harness(home, runtime, time).allow("42")) {
            FakeChannel telegram = before.channel("telegram");
            before.start().live(telegram).dm("42", "remember 7");
            Eventually.until("answered", () -> telegram.texts().contains("echo: remember 7"));
            first = runtime.last().id();
        }
        JsonNode stored = JsonFiles.readObject(home.resolve("sessions/sessions.json"))
                .path("agent:main:telegram:dm:42");
        assertThat(stored.path("session_id").asText()).isEqualTo(first);
        assertThat(stored.path("platform").asText()).isEqualTo("telegram");
        assertThat(stored.path("chat_type").asText()).isEqualTo("dm");
        assertThat(stored.path("updated_at").asText()).isEqualTo("2025-03-10T12:00:00.000000");
        assertThat(stored.path("origin").path("chat_id").asText()).isEqualTo("42");

        try (Harness after = new Harness(home, runtime, time).allow("42")) {
            FakeChannel telegram = after.channel("telegram");
            after.start().live(telegram).dm("42", "what was it?");
            Eventually.until("answered", () -> telegram.texts().contains("echo: what was it?"));
        }

        assertThat(runtime.resumed()).containsExactly(first);
        assertThat(runtime.last().id()).isEqualTo(first);
    }

    @Test
    void aStoredSessionThatCannotBeResumedGivesWayToANewOne() throws Exception {
        try (Harness before = new Harness(home).allow("42")) {
            FakeChannel telegram = before.channel("telegram");
            before.start().live(telegram).dm("42", "hi");
            Eventually.until("answered", () -> telegram.texts().contains("echo: hi"));
        }
        // a runtime that knows none of the stored sessions (state.db was replaced)
        try (Harness after = new Harness(home).allow("42")) {
            FakeChannel telegram = after.channel("telegram");
            after.start().live(telegram).dm("42", "hi again");
            Eventually.until("answered", () -> telegram.texts().contains("echo: hi again"));
            String fresh = after.runtime.last().id();
            after.gateway.stop();

            assertThat(after.runtime.opened).hasSize(2);
            assertThat(JsonFiles.readObject(home.resolve("sessions/sessions.json"))
                    .path("agent:main:telegram:dm:42").path("session_id").asText()).isEqualTo(fresh);
        }
    }

    @Test
    void fieldsTheGatewayDoesNotUseSurviveItsWrites() throws Exception {
        Files.createDirectories(home.resolve("sessions"));
        Files.writeString(home.resolve("sessions/sessions.json"), """
                {"_readme": "written by the original",
                 "agent:main:telegram:dm:42": {"session_key": "agent:main:telegram:dm:42",
                   "session_id": "20250310_110000_abcdef", "created_at": "2025-03-10T11:00:00.123456",
                   "updated_at": "2025-03-10T11:30:00", "input_tokens": 1234, "chat_type": "dm"}}""");
        ChatRouter router = ChatRouter.open(home, ZoneOffset.UTC);

        assertThat(router.find("agent:main:telegram:dm:42")).contains(new ChatRouter.Route(
                "agent:main:telegram:dm:42", "20250310_110000_abcdef", Instant.parse("2025-03-10T11:00:00.123456Z"),
                Instant.parse("2025-03-10T11:30:00Z")));
        router.touch("agent:main:telegram:dm:42", Instant.parse("2025-03-10T12:00:00Z"));
        router.bind("agent:main:telegram:dm:7", "20250310_120000_000001", new Caller("telegram", Optional.of("7"),
                Optional.empty(), Optional.of("7"), Caller.Trust.AUTHORIZED), ChatType.DM,
                Instant.parse("2025-03-10T12:00:00Z"), false);
        router.close();

        JsonNode written = JsonFiles.readObject(home.resolve("sessions/sessions.json"));
        assertThat(written.path("_readme").asText()).isEqualTo("written by the original");
        assertThat(written.path("agent:main:telegram:dm:42").path("input_tokens").asInt()).isEqualTo(1234);
        assertThat(written.path("agent:main:telegram:dm:42").path("updated_at").asText())
                .isEqualTo("2025-03-10T12:00:00.000000");
        assertThat(ChatRouter.open(home, ZoneOffset.UTC).find("agent:main:telegram:dm:7"))
                .map(ChatRouter.Route::sessionId).contains("20250310_120000_000001");
    }

    @Test
    void anIdleChatStartsANewConversationWithOneNotice() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram).dm("42", "one");
            Eventually.until("answered", () -> telegram.texts().contains("echo: one"));
            String first = harness.runtime.last().id();

            harness.time.advance(Duration.ofHours(3));
            telegram.dm("42", "two");
            Eventually.until("answered", () -> telegram.texts().contains("echo: two"));
            harness.time.advance(Duration.ofHours(25));
            telegram.dm("42", "three");
            Eventually.until("answered", () -> telegram.texts().contains("echo: three"));
            telegram.dm("42", "four");
            Eventually.until("answered", () -> telegram.texts().contains("echo: four"));

            assertThat(telegram.texts()).containsExactly("echo: one", "echo: two", ResetPolicy.DEFAULT.notice(
                    ResetPolicy.Reason.IDLE), "echo: three", "echo: four");
            assertThat(harness.runtime.openedSessions).hasSize(2);
            assertThat(harness.runtime.openedSessions.getFirst().closed).isTrue();
            assertThat(harness.runtime.last().id()).isNotEqualTo(first);
            assertThat(harness.runtime.resumed()).isEmpty();
            harness.gateway.stop();
            assertThat(JsonFiles.readObject(home.resolve("sessions/sessions.json")).path("agent:main:telegram:dm:42")
                    .path("was_auto_reset").asBoolean()).isTrue();
        }
    }

    @Test
    void theDailyResetHourEndsYesterdaysConversation() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            harness.config.set("session_reset.mode", "daily").set("session_reset.at_hour", 13);
            FakeChannel telegram = harness.channel("telegram");
            harness.start().live(telegram).dm("42", "before one");
            Eventually.until("answered", () -> telegram.texts().contains("echo: before one"));

            harness.time.advance(Duration.ofMinutes(61));
            telegram.dm("42", "after one");

            Eventually.until("answered", () -> telegram.texts().contains("echo: after one"));
            assertThat(telegram.texts()).containsExactly("echo: before one", "◐ Started a new conversation: the daily"
                    + " reset at 13:00 has passed (session_reset.at_hour). The previous one stays in the session"
                    + " history.", "echo: after one");
        }
    }

    @Test
    void theApiServerResetsWithoutANotice() throws Exception {
        try (Harness harness = new Harness(home).allow("42")) {
            FakeChannel api = harness.channel("api_server");
            harness.start().live(api).dm("42", "one");
            Eventually.until("answered", () -> api.texts().contains("echo: one"));
            harness.time.advance(Duration.ofDays(2));
            api.dm("42", "two");

            Eventually.until("answered", () -> api.texts().contains("echo: two"));
            assertThat(api.texts()).containsExactly("echo: one", "echo: two");
            assertThat(harness.runtime.openedSessions).hasSize(2);
        }
    }
}
