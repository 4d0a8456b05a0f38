package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.testing.Reply;
import hermes.testing.ToolCallReply;

/**
 * A job the agent schedules with the {@code cronjob} tool in one process fires inside {@code hermes gateway run} and
 * its answer reaches the Telegram chat it was meant for.
 */
class CronToTelegramIT extends TelegramGatewayFixture {

    private static final String TOKEN = "123456:CRON-token";
    private static final long CHAT = 5151;

    @Test
    void aJobCreatedByTheToolFiresInTheGatewayAndIsDeliveredToTheChat() throws Exception {
        startTelegram();
        HermesProcess hermes = new HermesProcess(home, server, "platforms:\n  telegram:\n    poll_timeout: 1\n"
                // whole replies: this test reads each bot message once, and a streamed one arrives first with the
                // cursor (TelegramStreamingIT covers streaming)
                + "display:\n  platforms:\n    telegram:\n      streaming: false\n");
        String runAt = OffsetDateTime.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
        server.enqueue(Reply.toolCalls(ToolCallReply.of("c1", "cronjob", new ObjectMapper().writeValueAsString(Map.of(
                        "action", "create", "name", "stretch", "schedule", runAt,
                        "prompt", "Remind the user to stretch.", "deliver", "telegram:" + CHAT)))),
                Reply.text("Scheduled."));
        assertThat(hermes.ok("-z", "remind me to stretch in a moment")).isEqualTo("Scheduled.\n");
        assertThat(Files.readString(home.resolve("cron").resolve("jobs.json"))).contains("stretch");

        server.enqueue(Reply.text("Time to stretch!"));
        Files.writeString(home.resolve(".env"), "TELEGRAM_ENABLED=true\nTELEGRAM_BOT_TOKEN=" + TOKEN
                + "\nTELEGRAM_BASE_URL=" + telegram.baseUrl() + "\n");
        gateway = new HermesProcess(home).startGateway();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String delivered = null;
        while (delivered == null && System.nanoTime() < deadline) {
            JsonNode messages = telegram.userReceives(TOKEN, CHAT);
            if (messages.size() > 0) {
                delivered = messages.get(0).path("message").path("text").asText();
            } else {
                Thread.sleep(300);
            }
        }
        assertThat(delivered).as("a delivery within 60 s; gateway log:%n%s",
                Files.readString(home.resolve("gateway.log"))).contains("Time to stretch!");
        // the run was a fresh session without the cronjob tool, and its task was the job's prompt
        String run = server.awaitRequestCount(3, Duration.ofSeconds(5)).get(2).lastUserText();
        assertThat(run).contains("Remind the user to stretch.");
        assertThat(server.requests().get(2).toolNames()).doesNotContain("cronjob");
        assertThat(Files.readString(home.resolve("cron").resolve("jobs.json"))).contains("\"last_status\"");
    }
}
