package hermes.plugin.tools.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

class TerminalToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final ProcessRegistry registry = new ProcessRegistry();
    private final TerminalTool tool = new TerminalTool(registry);

    @AfterEach
    void stopProcesses() {
        registry.deactivate();
    }

    private ToolResult run(String arguments, FakeToolContext context) throws Exception {
        return tool.call(call("terminal", arguments), context);
    }

    private FakeToolContext context() {
        return TestShell.session("s1", directory);
    }

    private static ToolCall call(String tool, String arguments) {
        return new ToolCall("call-1", tool, arguments);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(ToolResult result) throws Exception {
        return JSON.readValue(result.content(), Map.class);
    }

    @Test
    void foregroundCommandAnswersOutputAndExitCode() throws Exception {
        ToolResult result = run("{\"command\":\"echo hi; echo oops >&2; exit 2\"}", context());

        assertThat(result.error()).isFalse();
        Map<String, Object> expected = new HashMap<>(Map.of("output", "hi\noops\n", "exit_code", 2));
        expected.put("error", null);
        assertThat(parse(result)).isEqualTo(expected);
    }

    @Test
    void timeoutKillsTheCommandAndSuggestsBackground() throws Exception {
        long start = System.nanoTime();

        ToolResult result = run("{\"command\":\"sleep 30\",\"timeout\":1}", context());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.error()).isTrue();
        Map<String, Object> answer = parse(result);
        assertThat(answer).containsEntry("exit_code", 124);
        assertThat((String) answer.get("error")).contains("timed out after 1 s").contains("background=true");
    }

    @Test
    void configuredTimeoutAppliesWhenTheCallGivesNone() throws Exception {
        ToolResult result = run("{\"command\":\"sleep 30\"}", context().with("terminal.timeout", 1L));

        assertThat((String) parse(result).get("error")).contains("timed out after 1 s");
    }

    @Test
    void foregroundTimeoutOverTenMinutesIsRefusedWithAHint() throws Exception {
        ToolResult result = run("{\"command\":\"true\",\"timeout\":3600}", context());

        assertThat(result).isEqualTo(ToolResult.error("A foreground timeout of 3600 s is over the limit of 600 s. "
                + "Run long work with background=true (and notify_on_complete=true), then follow it with the process "
                + "tool."));
    }

    @Test
    void workdirRunsThereRelativeToTheSessionDirectory() throws Exception {
        Path sub = Files.createDirectory(directory.resolve("sub"));

        ToolResult result = run("{\"command\":\"pwd\",\"workdir\":\"sub\"}", context());

        assertThat(parse(result)).containsEntry("output", sub.toRealPath() + "\n").containsEntry("exit_code", 0);
    }

    @Test
    void workdirDoesNotMoveTheShellAndKeepsTheExitCode() throws Exception {
        Files.createDirectory(directory.resolve("sub"));
        String script = TerminalTool.inDirectory("sub", "cd /; pwd; false") + "\necho \"$? $PWD\"";

        ToolResult result = run(JSON.writeValueAsString(Map.of("command", script)), context());

        assertThat(parse(result)).containsEntry("output", "/\n1 " + directory.toRealPath() + "\n");
    }

    @Test
    void missingWorkdirFailsLikeCd() throws Exception {
        ToolResult result = run("{\"command\":\"echo never\",\"workdir\":\"nowhere\"}", context());

        Map<String, Object> answer = parse(result);
        assertThat(answer).containsEntry("exit_code", 1);
        assertThat((String) answer.get("output")).contains("nowhere").doesNotContain("never");
    }

    @Test
    void longOutputIsCutToTheConfiguredBudget() throws Exception {
        FakeToolContext context = context().with("tool_output.max_bytes", 1_000L)
                .with("tool_output.max_line_length", 100_000L);

        ToolResult result = run("{\"command\":\"printf 'a%.0s' $(seq 1 3000); printf 'z%.0s' $(seq 1 3000)\"}",
                context);

        String output = (String) parse(result).get("output");
        assertThat(output).startsWith("a".repeat(400) + "\n\n[... output cut: 5000 of 6000 characters")
                .endsWith("z".repeat(600));
    }

    @Test
    void missingCommandIsAnErrorTheModelCanFix() throws Exception {
        assertThat(run("{}", context())).isEqualTo(ToolResult.error("terminal needs a non-empty 'command' argument"));
    }

    @Test
    void backgroundStartAnswersTheProcessIdAndPid() throws Exception {
        ToolResult result = run("{\"command\":\"sleep 30\",\"background\":true}", context());

        Map<String, Object> answer = parse(result);
        assertThat(answer).containsEntry("status", "running").containsKey("pid");
        assertThat((String) answer.get("session_id")).matches("proc_[0-9a-f]{12}");
        assertThat(ProcessHandle.of(((Number) answer.get("pid")).longValue())).isPresent();
    }

    @Test
    void terminalIsMutatingAndItsSchemaIsJson() throws Exception {
        JsonNode schema = JSON.readTree(tool.spec().parametersSchema());

        assertThat(tool.isMutating(call("terminal", "{\"command\":\"ls\"}"))).isTrue();
        assertThat(tool.spec().toolset()).isEqualTo("terminal");
        assertThat(schema.path("required").toString()).isEqualTo("[\"command\"]");
        assertThat(schema.path("properties").fieldNames()).toIterable()
                .containsExactly("command", "background", "timeout", "workdir", "notify_on_complete");
        assertThat(schema.path("properties").path("background").path("description").asText())
                .contains("process id (proc_…)");
    }
}
