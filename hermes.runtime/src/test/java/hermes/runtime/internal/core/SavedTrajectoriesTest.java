package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ModelException;

/** --save-trajectories through a real session: one ShareGPT line per turn, failed turns in their own file. */
class SavedTrajectoriesTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void eachTurnAppendsTheConversationSoFarAndAFailedTurnGoesToTheFailedFile() throws Exception {
        Harness harness = new Harness(home, "model: scripted:m\nagent:\n  save_trajectories: true\n"
                + "  api_max_retries: 0\nterminal:\n  cwd: " + work + "\n");
        TestTools.allowEverything(harness.dispatcher);
        ScriptedProvider model = harness.provider("scripted");
        model.then(ScriptedProvider.text("Hi Ada.")).then(ScriptedProvider.fail(ModelException.Kind.BAD_REQUEST));
        RuntimeSession session = harness.open();

        turn(session, "hello");
        turn(session, "break");
        session.awaitBackgroundWork();

        List<String> completed = Files.readAllLines(work.resolve("trajectory_samples.jsonl"));
        assertThat(completed).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(completed.get(0));
        assertThat(line.path("completed").asBoolean()).isTrue();
        assertThat(line.path("model").asText()).isEqualTo("scripted:m");
        JsonNode turns = line.path("conversations");
        assertThat(turns.get(turns.size() - 2).path("from").asText()).isEqualTo("human");
        assertThat(turns.get(turns.size() - 2).path("value").asText()).isEqualTo("hello");
        assertThat(turns.get(turns.size() - 1).path("value").asText()).isEqualTo("<think>\n</think>\nHi Ada.");

        List<String> failed = Files.readAllLines(work.resolve("failed_trajectories.jsonl"));
        assertThat(failed).hasSize(1);
        assertThat(new ObjectMapper().readTree(failed.get(0)).path("completed").asBoolean()).isFalse();
        assertThat(failed.get(0)).contains("\"value\": \"break\"");
    }
}
