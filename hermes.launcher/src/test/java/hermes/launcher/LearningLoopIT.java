package hermes.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.testing.CapturedRequest;
import hermes.testing.FakeModelServer;
import hermes.testing.Reply;
import hermes.testing.ToolCallReply;

/**
 * The learning loop across separate processes, as a user lives it: what one session learns (a memory entry, a skill)
 * is in the next session's prompt, a later session finds the first one's words with session_search, and a skill the
 * agent patched has its history and reverts.
 */
class LearningLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SKILL = """
            ---
            name: deploy-app
            description: Deploy the shop app to staging with ops/deploy.sh.
            ---
            # Deploy the shop app

            1. Run ops/deploy.sh staging
            2. Check https://staging.example.com/health
            """;

    @TempDir
    Path home;
    final FakeModelServer server = new FakeModelServer().start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    @Test
    void whatOneSessionLearnsReachesTheNextAndASkillPatchReverts() throws Exception {
        HermesProcess hermes = new HermesProcess(home, server, "");
        Path skillFile = home.resolve("skills").resolve("devops").resolve("deploy-app").resolve("SKILL.md");

        // session 1: a memory entry and a new skill, through tool calls
        server.enqueue(Reply.toolCalls(
                        ToolCallReply.of("call_1", "memory", json(java.util.Map.of("action", "add", "target", "memory",
                                "content", "Staging deploys need the VPN up first"))),
                        ToolCallReply.of("call_2", "skill_manage", json(java.util.Map.of("action", "create",
                                "name", "deploy-app", "category", "devops", "content", SKILL)))),
                Reply.text("Saved both."));
        assertThat(hermes.ok("-z", "remember the flamingo protocol: VPN first, then ops/deploy.sh"))
                .isEqualTo("Saved both.\n");
        assertThat(Files.readString(skillFile)).isEqualTo(SKILL);

        // session 2: its first request carries the memory snapshot and the skill in the index
        server.enqueue(Reply.text("You deploy with the skill."));
        hermes.ok("-z", "how do I deploy?");
        List<CapturedRequest> requests = server.awaitRequestCount(3, Duration.ofSeconds(5));
        String prompt = requests.get(2).messages().get(0).path("content").asText();
        assertThat(prompt).contains("MEMORY (your personal notes)").contains("Staging deploys need the VPN up first")
                .contains("## Skills (mandatory)")
                .contains("- deploy-app: Deploy the shop app to staging with ops/deploy.sh.");

        // session 3: session_search finds session 1's words
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_3", "session_search", "{\"query\":\"flamingo\"}")),
                Reply.text("Found it."));
        hermes.ok("-z", "what was that protocol called?");
        JsonNode messages = server.awaitRequestCount(5, Duration.ofSeconds(5)).get(4).messages();
        JsonNode searchResult = messages.get(messages.size() - 1);
        assertThat(searchResult.path("role").asText()).isEqualTo("tool");
        assertThat(searchResult.path("content").asText()).contains("flamingo protocol");

        // session 4: the agent patches the skill; history shows both revisions and revert restores the first
        server.enqueue(Reply.toolCalls(ToolCallReply.of("call_4", "skill_manage", json(java.util.Map.of(
                        "action", "patch", "name", "deploy-app", "old_string", "1. Run ops/deploy.sh staging",
                        "new_string", "1. Run ops/deploy.sh staging --fast", "reason", "the user wants speed")))),
                Reply.text("Patched."));
        hermes.ok("-z", "make the deploy skill faster");
        assertThat(Files.readString(skillFile)).contains("--fast");

        String history = hermes.ok("skills", "history", "deploy-app");
        assertThat(history).contains("the user wants speed");
        assertThat(history.lines().filter(l -> l.matches("\\s*[12]\\b.*"))).hasSize(2);

        hermes.ok("skills", "revert", "deploy-app", "1");
        assertThat(Files.readString(skillFile)).isEqualTo(SKILL);
        assertThat(hermes.ok("skills", "history", "deploy-app").lines().filter(l -> l.matches("\\s*3\\b.*")))
                .hasSize(1);
    }
}
