package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import hermes.api.Event;
import hermes.plugin.provider.anthropic.internal.AnthropicMessagesProvider;
import hermes.plugin.provider.openai.internal.ChatCompletionsProvider;
import hermes.testing.CapturedRequest;
import hermes.testing.FakeModelServer;
import hermes.testing.Reply;
import hermes.testing.ToolCallReply;

/** A tool round trip through the real provider bundles' classes and the fake model server, in both wire formats. */
class WireRoundTripTest {

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();

    @AfterEach
    void stop() {
        server.close();
    }

    private Harness harness(String config) throws Exception {
        Harness harness = new Harness(home, config);
        harness.providers.addProvider(new ChatCompletionsProvider(), Map.of("hermes.id", "chat_completions",
                "service.id", 501L));
        harness.providers.addProvider(new AnthropicMessagesProvider(), Map.of("hermes.id", "anthropic_messages",
                "service.id", 502L));
        TestTools.register(harness.registry, TestTools.sleeping("lookup", Duration.ZERO, false));
        return harness;
    }

    @Test
    void chatCompletionsToolRoundTripWithStreamedArgumentFragments() throws Exception {
        Harness harness = harness("model:\n  provider: custom\n  base_url: " + server.openAiBaseUrl()
                + "\n  default: fake-gpt\n");
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_1", "lookup", "{\"query\":\"the weather in Paris\"}"))
                        .withChunkSize(3),
                Reply.text("It is sunny.").withUsage(100, 7, 40, 0));

        List<Event> events = turn(harness.open(), "weather?");

        assertThat(payloads(events, Event.ToolStarted.class).get(0).arguments())
                .isEqualTo("{\"query\":\"the weather in Paris\"}");
        assertThat(String.join("", payloads(events, Event.TextDelta.class).stream().map(Event.TextDelta::text)
                .toList())).isEqualTo("It is sunny.");
        Event.TurnFinished finished = payloads(events, Event.TurnFinished.class).get(0);
        assertThat(finished.answer()).isEqualTo("It is sunny.");
        assertThat(finished.usage().cacheReadTokens()).isEqualTo(40);
        CapturedRequest second = server.awaitRequestCount(2, Duration.ofSeconds(5)).get(1);
        assertThat(second.isStream()).isTrue();
        assertThat(second.toolNames()).contains("lookup");
        JsonNode messages = second.messages();
        JsonNode toolMessage = messages.get(messages.size() - 1);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolMessage.path("content").asText()).isEqualTo("lookup {\"query\":\"the weather in Paris\"}");
        assertThat(second.model()).isEqualTo("fake-gpt");
    }

    @Test
    void rateLimitedEndpointIsRetriedThenTheFallbackEndpointAnswers() throws Exception {
        try (FakeModelServer backup = new FakeModelServer().start()) {
            Harness harness = harness("model:\n  provider: custom\n  base_url: " + server.openAiBaseUrl()
                    + "\n  default: main-model\ncustom_providers:\n  - name: backup\n    base_url: "
                    + backup.openAiBaseUrl() + "\n    model: backup-model\nfallback_providers:\n"
                    + "  - {provider: backup, model: backup-model}\n");
            for (int i = 0; i < 4; i++) {
                server.enqueue(Reply.failure(429, "slow down"));
            }
            backup.enqueue(Reply.text("from the backup"));

            List<Event> events = turn(harness.open(), "hello");

            assertThat(payloads(events, Event.TurnFinished.class).get(0).answer()).isEqualTo("from the backup");
            assertThat(server.requests()).hasSize(4);
            assertThat(backup.requests()).hasSize(1);
            assertThat(backup.requests().get(0).model()).isEqualTo("backup-model");
            assertThat(harness.sleeps).hasSize(3);
        }
    }

    @Test
    void anthropicMessagesToolRoundTripWithCacheBreakpoints() throws Exception {
        Files.writeString(home.resolve(".env"), "ANTHROPIC_API_KEY=sk-ant-test\n");
        Harness harness = harness("model: anthropic:claude-test\nproviders:\n  anthropic:\n    base_url: "
                + server.anthropicBaseUrl() + "\n");
        server.enqueue(Reply.toolCalls(ToolCallReply.of("toolu_1", "lookup", "{\"query\":\"x\"}")).withChunkSize(2),
                Reply.text("Done."));

        List<Event> events = turn(harness.open(), "look it up");

        assertThat(payloads(events, Event.TurnFinished.class).get(0).answer()).isEqualTo("Done.");
        CapturedRequest second = server.awaitRequestCount(2, Duration.ofSeconds(5)).get(1);
        assertThat(second.format()).isEqualTo(CapturedRequest.Format.ANTHROPIC);
        assertThat(second.header("x-api-key")).contains("sk-ant-test");
        JsonNode last = second.messages().get(second.messages().size() - 1);
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(last.path("content").get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(last.path("content").get(0).path("tool_use_id").asText()).isEqualTo("toolu_1");
        assertThat(second.json().path("system").get(0).has("cache_control")).isTrue();
    }
}
