package hermes.plugin.tools.delegation.internal;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.plugin.tools.delegation.internal.ChildEvents.ToolTrace;

/**
 * The tool's result text: {@code {"results":[...],"total_duration_seconds":x}}. A class of its own so Jackson loads
 * on the first delegation, not when the runtime registers the tool.
 */
final class DelegationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DelegationJson() {
    }

    static String results(List<ChildResult> results, Duration total) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode entries = root.putArray("results");
        results.forEach(result -> entries.add(entry(result)));
        root.put("total_duration_seconds", seconds(total));
        return root.toString();
    }

    private static ObjectNode entry(ChildResult result) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("task_index", result.taskIndex());
        entry.put("status", result.status());
        entry.put("summary", result.summary());
        entry.put("api_calls", result.apiCalls());
        entry.put("duration_seconds", seconds(result.duration()));
        entry.put("model", result.model());
        entry.put("exit_reason", result.exitReason());
        ObjectNode tokens = entry.putObject("tokens");
        tokens.put("input", result.inputTokens());
        tokens.put("output", result.outputTokens());
        ArrayNode trace = entry.putArray("tool_trace");
        for (ToolTrace call : result.toolTrace()) {
            trace.addObject().put("tool", call.tool()).put("args_bytes", call.argsBytes())
                    .put("result_bytes", call.resultBytes()).put("status", call.ok() ? "ok" : "error");
        }
        result.error().ifPresent(error -> entry.put("error", error));
        return entry;
    }

    /** Seconds with two decimals: finer is noise to the model. */
    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 10.0) / 100.0;
    }
}
