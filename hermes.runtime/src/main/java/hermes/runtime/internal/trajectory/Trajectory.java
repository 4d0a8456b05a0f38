package hermes.runtime.internal.trajectory;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.Message;
import hermes.api.ToolSpec;
import hermes.runtime.internal.json.PythonJson;

/**
 * One conversation as a training sample (reference §17).
 *
 * @param tools the tools the model was offered, listed in the system turn
 * @param messages the conversation without the system prompt (system messages in it are left out)
 * @param model the model that produced the assistant turns
 * @param completed whether the conversation reached a final answer; picks the file it goes to
 * @param timestamp local wall-clock time of the end of the run, as the original writes it
 */
public record Trajectory(List<ToolSpec> tools, List<Message> messages, String model, boolean completed,
                         LocalDateTime timestamp) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    public Trajectory {
        tools = List.copyOf(tools);
        messages = List.copyOf(messages);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * The JSONL line, newline included:
     * {@code {"conversations": [{"from": …, "value": …}, …], "timestamp": …, "model": …, "completed": …}}.
     */
    public String jsonLine() {
        ObjectNode line = PythonJson.object();
        ArrayNode conversations = line.putArray("conversations");
        for (ShareGpt.Turn turn : ShareGpt.conversation(tools, messages)) {
            conversations.addObject().put("from", turn.from()).put("value", turn.value());
        }
        line.put("timestamp", isoFormat(timestamp));
        line.put("model", model);
        line.put("completed", completed);
        return PythonJson.write(line) + "\n";
    }

    /** Python's {@code datetime.isoformat()}: microseconds, and none at all when they are zero. */
    static String isoFormat(LocalDateTime time) {
        LocalDateTime micros = time.truncatedTo(ChronoUnit.MICROS);
        int fraction = micros.getNano() / 1_000;
        return SECONDS.format(micros) + (fraction == 0 ? "" : String.format(".%06d", fraction));
    }
}
