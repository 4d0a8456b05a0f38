package hermes.plugin.tools.delegation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.Caller;
import hermes.api.Event;
import hermes.api.SessionSpec;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;
import hermes.testing.FakeToolContext;

/** One task: the result entry, the child session's spec, and what the tool refuses. */
class DelegateTaskToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARENT_ID = "20260101_000000_parent";
    private static final Caller PARENT_CALLER = new Caller("telegram", Optional.of("chat-7"), Optional.empty(),
            Optional.of("user-3"), Caller.Trust.AUTHORIZED);

    @TempDir
    Path workspace;

    private final FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> {
        turn.emit(new Event.ToolStarted("call-1", "read_file", "{\"path\":\"café.txt\"}"));
        turn.emit(new Event.ToolStarted("call-2", "terminal", "{\"command\":\"ls\"}"));
        turn.emit(new Event.ToolFinished("call-2", "terminal", ToolResult.error("exit 2"), Duration.ZERO));
        turn.emit(new Event.ToolFinished("call-1", "read_file", ToolResult.ok("héllo"), Duration.ZERO));
        turn.finish("stop", "  Found 3 files; nothing modified.  ", 4, new Usage(1200, 340, 1000, 0, 20));
    });

    private final DelegateTaskTool tool = new DelegateTaskTool(runtime);

    /** The parent session's side of the call: a telegram user's session working in the workspace. */
    private FakeToolContext parent() {
        return new FakeToolContext(workspace).withSessionId(PARENT_ID).withCaller(PARENT_CALLER);
    }

    @Test
    void aSingleTaskReportsEveryFieldOfItsChild() throws Exception {
        runtime.addSession(PARENT_ID, SessionSpec.of(Caller.localUser()));

        ToolResult result = tool.call(call("""
                {"goal":"List the files","context":"The repo is a Maven project"}"""), parent());

        assertThat(result.error()).as(result.content()).isFalse();
        JsonNode root = JSON.readTree(result.content());
        assertThat(root.fieldNames()).toIterable().containsExactly("results", "total_duration_seconds");
        assertThat(root.get("total_duration_seconds").isDouble()).isTrue();
        JsonNode entry = root.get("results").get(0);
        assertThat(root.get("results")).hasSize(1);
        assertThat(entry.fieldNames()).toIterable().containsExactly("task_index", "status", "summary", "api_calls",
                "duration_seconds", "model", "exit_reason", "tokens", "tool_trace");
        assertThat(entry.get("duration_seconds").asDouble()).isBetween(0.0, root.get("total_duration_seconds").asDouble());
        ((ObjectNode) entry).remove("duration_seconds");
        assertThat(entry).isEqualTo(JSON.readTree("""
                {"task_index":0,"status":"completed","summary":"Found 3 files; nothing modified.","api_calls":4,
                 "model":"fake:child-model","exit_reason":"completed","tokens":{"input":1200,"output":340},
                 "tool_trace":[{"tool":"read_file","args_bytes":20,"result_bytes":6,"status":"ok"},
                               {"tool":"terminal","args_bytes":16,"result_bytes":6,"status":"error"}]}"""));
        assertThat(runtime.children).singleElement().satisfies(child -> assertThat(child.isClosed()).isTrue());
    }

    @Test
    void theChildSessionIsOpenedUnderTheParentWithAFocusedPrompt() throws Exception {
        runtime.addSession(PARENT_ID, new SessionSpec(Caller.localUser(), Optional.empty(),
                List.of("file", "web"), Optional.empty(), Optional.empty(), 0, Map.of(), Optional.empty()));
        FakeToolContext parent = parent().with(DelegationLimits.MAX_ITERATIONS, 7L);

        tool.call(call("""
                {"goal":"Summarise README.md","context":"Only the install section matters"}"""), parent);

        SessionSpec spec = runtime.openedSpecs().getFirst();
        assertThat(spec.caller()).isEqualTo(PARENT_CALLER);
        assertThat(spec.model()).isEmpty();
        assertThat(spec.toolsets()).as("inherited from the parent").containsExactly("file", "web");
        assertThat(spec.resume()).isEmpty();
        assertThat(spec.parentId()).contains(PARENT_ID);
        assertThat(spec.depth()).isEqualTo(1);
        assertThat(spec.settings()).isEqualTo(Map.of("agent.max_turns", "7"));
        assertThat(spec.systemPrompt()).hasValueSatisfying(prompt -> assertThat(prompt)
                .contains("focused subagent", "YOUR TASK:\nSummarise README.md",
                        "CONTEXT:\nOnly the install section matters", "WORKSPACE PATH:\n" + workspace,
                        "files you created or modified")
                .doesNotContain("orchestrator"));
        assertThat(runtime.children.getFirst().submissions).hasSize(1);
    }

    @Test
    void toolsetsOfTheCallApplyToTasksThatNameNone() throws Exception {
        FakeToolContext parent = parent();

        tool.call(call("""
                {"toolsets":["terminal"],"tasks":[{"goal":"a"},{"goal":"b","toolsets":["web"]}]}"""), parent);

        assertThat(runtime.openedSpecs()).extracting(SessionSpec::toolsets)
                .containsExactlyInAnyOrder(List.of("terminal"), List.of("web"));
    }

    @Test
    void aBatchLargerThanTheConcurrencyLimitIsAToolErrorAndStartsNothing() throws Exception {
        ToolResult result = tool.call(call("""
                {"tasks":[{"goal":"a"},{"goal":"b"},{"goal":"c"},{"goal":"d"}]}"""), parent());

        assertThat(result).isEqualTo(ToolResult.error("Too many tasks: 4 given, but at most 3 subagents may run at "
                + "once (delegation.max_concurrent_children). Send at most 3 tasks per call, or raise the limit in "
                + "config.yaml."));
        assertThat(runtime.children).isEmpty();
    }

    @Test
    void theConcurrencyLimitComesFromConfigurationWithAFloorOfOne() throws Exception {
        FakeToolContext zero = parent().with(DelegationLimits.MAX_CONCURRENT_CHILDREN, "0");

        ToolResult result = tool.call(call("""
                {"tasks":[{"goal":"a"},{"goal":"b"}]}"""), zero);

        assertThat(result.content()).startsWith("Too many tasks: 2 given, but at most 1 subagents");
        assertThat(tool.call(call("{\"goal\":\"a\"}"),
                parent().with(DelegationLimits.MAX_CONCURRENT_CHILDREN, "many")))
                .isEqualTo(ToolResult.error("delegation.max_concurrent_children must be a whole number, but "
                        + "config.yaml says 'many'; fix it there"));
    }

    @Test
    void aSubagentAtTheDepthLimitCannotDelegateFurther() throws Exception {
        runtime.addSession(PARENT_ID, new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of("top"), 1, Map.of(), Optional.empty()));

        ToolResult result = tool.call(call("{\"goal\":\"a\"}"), parent());

        assertThat(result).isEqualTo(ToolResult.error("Subagents cannot delegate further: this session is at depth 1 "
                + "and delegation.max_spawn_depth is 1. Do the work yourself with your own tools."));
        assertThat(runtime.children).isEmpty();
    }

    @Test
    void aLeafSubagentCannotDelegateEvenWhenTheDepthWouldAllowIt() throws Exception {
        runtime.addSession(PARENT_ID, new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of("top"), 1, Map.of(), Optional.empty()));

        ToolResult result = tool.call(call("{\"goal\":\"a\"}"),
                parent().with(DelegationLimits.MAX_SPAWN_DEPTH, 2L));

        assertThat(result.content()).startsWith("Subagents cannot delegate further: this session is a leaf subagent");
        assertThat(runtime.children).isEmpty();
    }

    @Test
    void theOrchestratorRoleIsRefusedWhileTheSpawnDepthIsOne() throws Exception {
        ToolResult result = tool.call(call("""
                {"goal":"a","role":"orchestrator"}"""), parent());

        assertThat(result).isEqualTo(ToolResult.error("role 'orchestrator' needs delegation.max_spawn_depth of at "
                + "least 2 so its subagents can delegate, but it is 1. Use role 'leaf', or raise "
                + "delegation.max_spawn_depth in config.yaml."));
        assertThat(runtime.children).isEmpty();
    }

    @Test
    void anOrchestratorKeepsDelegationAndLearnsItsDepth() throws Exception {
        FakeToolContext parent = parent().with(DelegationLimits.MAX_SPAWN_DEPTH, 2L);

        ToolResult result = tool.call(call("""
                {"goal":"Audit the modules","toolsets":["file"],"role":"orchestrator"}"""), parent);

        assertThat(result.error()).as(result.content()).isFalse();
        SessionSpec spec = runtime.openedSpecs().getFirst();
        assertThat(spec.toolsets()).containsExactly("file", "delegation");
        assertThat(spec.settings()).isEqualTo(Map.of("agent.max_turns", "50", "delegation.role", "orchestrator"));
        assertThat(spec.systemPrompt()).hasValueSatisfying(prompt -> assertThat(prompt)
                .contains("orchestrator at depth 1 of at most 2", "cannot delegate further"));
    }

    @Test
    void anOrchestratorSubagentMayDelegateToTheNextDepth() throws Exception {
        runtime.addSession(PARENT_ID, new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of("top"), 1, Map.of("delegation.role", "orchestrator"), Optional.empty()));

        ToolResult result = tool.call(call("{\"goal\":\"a\"}"),
                parent().with(DelegationLimits.MAX_SPAWN_DEPTH, 2L));

        assertThat(result.error()).as(result.content()).isFalse();
        assertThat(runtime.openedSpecs()).extracting(SessionSpec::depth).containsExactly(2);
    }

    @Test
    void argumentsWithoutATaskAreRefusedWithWhatIsMissing() throws Exception {
        FakeToolContext parent = parent();

        assertThat(tool.call(call("{\"context\":\"x\"}"), parent)).isEqualTo(ToolResult.error(
                "delegate_task needs either 'goal' (one task) or 'tasks' (a batch of {goal, context, toolsets})"));
        assertThat(tool.call(call("{\"tasks\":[{\"goal\":\"a\"},{\"context\":\"b\"}]}"), parent)).isEqualTo(
                ToolResult.error("tasks[1] has no goal; say what this subagent should achieve"));
        assertThat(tool.call(call("{\"goal\":\"a\",\"role\":\"boss\"}"), parent)).isEqualTo(
                ToolResult.error("role must be 'leaf' or 'orchestrator', not 'boss'"));
        assertThat(runtime.children).isEmpty();
    }

    @Test
    void delegationIsMutating() {
        assertThat(tool.isMutating(call("{\"goal\":\"a\"}"))).isTrue();
        assertThat(tool.spec().toolset()).isEqualTo("delegation");
        assertThat(tool.spec().description()).contains("delegation.max_concurrent_children", "max_spawn_depth",
                "clarify, memory, send_message or execute_code");
    }

    private static ToolCall call(String arguments) {
        return new ToolCall("call-parent", "delegate_task", arguments);
    }
}
