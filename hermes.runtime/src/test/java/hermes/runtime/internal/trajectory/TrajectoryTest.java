package hermes.runtime.internal.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import hermes.api.Message;
import hermes.api.ToolCall;

class TrajectoryTest {

    static final LocalDateTime NOON = LocalDateTime.of(2026, 3, 1, 12, 0, 5, 123_456_789);

    /** A JSON string literal, written by hand so the test does not check Jackson against itself. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void jsonLineIsTheShareGptEntry() {
        Trajectory trajectory = new Trajectory(List.of(ShareGptTest.TERMINAL), List.of(
                Message.user("How big is the repo?"),
                ShareGptTest.assistant("", Optional.of("Use du."),
                        new ToolCall("c1", "terminal", "{\"command\":\"du -sh\"}")),
                Message.toolResult("c1", "4.0M\t."),
                Message.assistant("About 4 MB — small.")), "anthropic/claude-sonnet-4", true, NOON);

        assertThat(trajectory.jsonLine()).isEqualTo("{\"conversations\": ["
                + "{\"from\": \"system\", \"value\": " + quoted(ShareGptTest.SYSTEM_WITH_TERMINAL) + "}, "
                + "{\"from\": \"human\", \"value\": \"How big is the repo?\"}, "
                + "{\"from\": \"gpt\", \"value\": \"<think>\\nUse du.\\n</think>\\n<tool_call>\\n{\\\"name\\\": "
                + "\\\"terminal\\\", \\\"arguments\\\": {\\\"command\\\": \\\"du -sh\\\"}}\\n</tool_call>\"}, "
                + "{\"from\": \"tool\", \"value\": \"<tool_response>\\n{\\\"tool_call_id\\\": \\\"c1\\\", "
                + "\\\"name\\\": \\\"terminal\\\", \\\"content\\\": \\\"4.0M\\\\t.\\\"}\\n</tool_response>\"}, "
                + "{\"from\": \"gpt\", \"value\": \"<think>\\n</think>\\nAbout 4 MB — small.\"}], "
                + "\"timestamp\": \"2026-03-01T12:00:05.123456\", \"model\": \"anthropic/claude-sonnet-4\", "
                + "\"completed\": true}\n");
    }

    @Test
    void failedRunWithoutMessagesIsStillALine() {
        String line = new Trajectory(List.of(), List.of(), "m", false, NOON).jsonLine();

        assertThat(line).endsWith("}], \"timestamp\": \"2026-03-01T12:00:05.123456\", \"model\": \"m\", "
                + "\"completed\": false}\n").doesNotContain("\"from\": \"human\"");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-03-01T09:05:07,           2026-03-01T09:05:07",
            "2026-03-01T09:05:07.5,         2026-03-01T09:05:07.500000",
            "2026-03-01T09:05:07.000001,    2026-03-01T09:05:07.000001",
            "2026-03-01T09:05:07.000000999, 2026-03-01T09:05:07" // below a microsecond: Python has none
    })
    void timestampIsWrittenLikePythonsIsoformat(LocalDateTime time, String expected) {
        assertThat(Trajectory.isoFormat(time)).isEqualTo(expected);
    }
}
