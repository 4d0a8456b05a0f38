package hermes.plugin.tools.delegation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.Event;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;
import hermes.testing.FakeToolContext;

/** Batches, cancellation and the ways a subagent can end. */
class SubagentBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    @Test
    void aBatchRunsItsSubagentsAtTheSameTimeAndReportsThemInTaskOrder() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            allStarted.countDown();
            // one at a time, the first subagent would wait here in vain and report that it ran alone
            boolean together = allStarted.await(20, TimeUnit.SECONDS);
            // the first task finishes last, so the result order cannot come from finishing order
            Thread.sleep(goal.equals("task a") ? 200 : goal.equals("task b") ? 100 : 0);
            running.decrementAndGet();
            turn.finish("stop", "done " + goal + (together ? "" : " alone"), 1, Usage.NONE);
        });

        ToolResult result = new DelegateTaskTool(runtime).call(call("""
                {"tasks":[{"goal":"task a"},{"goal":"task b"},{"goal":"task c"}]}"""), new FakeToolContext(workspace));

        JsonNode results = JSON.readTree(result.content()).get("results");
        assertThat(mostAtOnce).hasValue(3);
        assertThat(results).extracting(entry -> entry.get("task_index").asInt()).containsExactly(0, 1, 2);
        assertThat(results).extracting(entry -> entry.get("summary").asText())
                .containsExactly("done task a", "done task b", "done task c");
        assertThat(results).extracting(entry -> entry.get("status").asText()).containsOnly("completed");
        assertThat(runtime.children).hasSize(3).allSatisfy(child -> assertThat(child.isClosed()).isTrue());
    }

    @Test
    void cancellingTheParentInterruptsEverySubagent() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(2);
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> {
            turn.toolCall("call-" + goal, "terminal", "{\"command\":\"make\"}", ToolResult.ok("building"));
            allStarted.countDown();
            Thread.sleep(60_000);
            turn.finish("stop", "too late", 1, Usage.NONE);
        });
        FakeToolContext parent = new FakeToolContext(workspace);
        DelegateTaskTool tool = new DelegateTaskTool(runtime);

        CompletableFuture<ToolResult> call = CompletableFuture.supplyAsync(() -> {
            try {
                return tool.call(call("{\"tasks\":[{\"goal\":\"a\"},{\"goal\":\"b\"}]}"), parent);
            } catch (InterruptedException e) {
                throw new AssertionError("the parent thread was not interrupted", e);
            }
        });
        assertThat(allStarted.await(20, TimeUnit.SECONDS)).as("both subagents started").isTrue();
        parent.cancel();
        ToolResult result = call.get(20, TimeUnit.SECONDS);

        JsonNode results = JSON.readTree(result.content()).get("results");
        assertThat(results).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.get("status").asText()).isEqualTo("interrupted");
            assertThat(entry.get("exit_reason").asText()).isEqualTo("interrupted");
            assertThat(entry.get("summary").asText()).isEmpty();
            assertThat(entry.get("tool_trace")).hasSize(1);
        });
        assertThat(runtime.children).hasSize(2).allSatisfy(child -> {
            assertThat(child.wasInterrupted()).isTrue();
            assertThat(child.isClosed()).isTrue();
        });
    }

    @Test
    void aParentCancelledBeforeTheCallStartsNoSubagent() throws Exception {
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> turn.finish("stop", "ran", 1, Usage.NONE));
        FakeToolContext parent = new FakeToolContext(workspace);
        parent.cancel();

        ToolResult result = new DelegateTaskTool(runtime).call(call("{\"goal\":\"a\"}"), parent);

        assertThat(JSON.readTree(result.content()).get("results").get(0).get("status").asText())
                .isEqualTo("interrupted");
        assertThat(runtime.children).isEmpty();
    }

    @Test
    void aSubagentOutOfIterationsFailsWithMaxIterations() throws Exception {
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> turn.finish("max_turns", "", 5, Usage.NONE));

        JsonNode entry = single(runtime, new FakeToolContext(workspace).with(DelegationLimits.MAX_ITERATIONS, 5L));

        assertThat(entry.get("status").asText()).isEqualTo("failed");
        assertThat(entry.get("exit_reason").asText()).isEqualTo("max_iterations");
        assertThat(entry.get("error").asText()).isEqualTo("the subagent used all 5 iterations "
                + "(delegation.max_iterations) before it finished; give it a smaller task");
    }

    @Test
    void aSubagentWhoseTurnFailsReportsTheRuntimesErrorMessage() throws Exception {
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> {
            turn.emit(new Event.Error("provider returned 401: check OPENAI_API_KEY"));
            turn.finish("error", "", 1, new Usage(10, 0, 0, 0, 0));
        });

        JsonNode entry = single(runtime, new FakeToolContext(workspace));

        assertThat(entry.get("status").asText()).isEqualTo("failed");
        assertThat(entry.get("exit_reason").asText()).isEqualTo("error");
        assertThat(entry.get("error").asText()).isEqualTo("provider returned 401: check OPENAI_API_KEY");
        assertThat(entry.get("tokens").get("input").asLong()).isEqualTo(10);
    }

    @Test
    void aSubagentThatStopsWithoutAnAnswerFailed() throws Exception {
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> turn.finish("stop", " ", 2, Usage.NONE));

        JsonNode entry = single(runtime, new FakeToolContext(workspace));

        assertThat(entry.get("status").asText()).isEqualTo("failed");
        assertThat(entry.get("exit_reason").asText()).isEqualTo("completed");
        assertThat(entry.get("error").asText()).isEqualTo("the subagent ended without a summary");
    }

    @Test
    void aSessionThatCannotOpenIsAnErrorEntry() throws Exception {
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> turn.finish("stop", "ran", 1, Usage.NONE));
        runtime.failOpeningWith(new IllegalStateException("no model configured"));

        JsonNode entry = single(runtime, new FakeToolContext(workspace));

        assertThat(entry.get("status").asText()).isEqualTo("error");
        assertThat(entry.get("exit_reason").asText()).isEqualTo("error");
        assertThat(entry.get("model").asText()).isEmpty();
        assertThat(entry.get("error").asText()).isEqualTo("IllegalStateException: no model configured");
    }

    @Test
    void anInterruptedParentThreadClosesTheSubagentAndPropagates() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        FakeAgentRuntime runtime = new FakeAgentRuntime(goal -> turn -> {
            started.countDown();
            Thread.sleep(60_000);
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread parentThread = Thread.ofVirtual().start(() -> {
            try {
                new DelegateTaskTool(runtime).call(call("{\"goal\":\"a\"}"), new FakeToolContext(workspace));
                outcome.complete(null);
            } catch (InterruptedException e) {
                outcome.complete(e);
            }
        });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        parentThread.interrupt();

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(runtime.children).singleElement().satisfies(child -> assertThat(child.isClosed()).isTrue());
    }

    private static JsonNode single(FakeAgentRuntime runtime, FakeToolContext parent) throws Exception {
        ToolResult result = new DelegateTaskTool(runtime).call(call("{\"goal\":\"a\"}"), parent);
        assertThat(result.error()).as(result.content()).isFalse();
        List<JsonNode> results = JSON.readTree(result.content()).get("results").valueStream().toList();
        assertThat(results).hasSize(1);
        assertThat(runtime.children).allSatisfy(child -> assertThat(child.isClosed()).isTrue());
        return results.getFirst();
    }

    private static ToolCall call(String arguments) {
        return new ToolCall("call-parent", "delegate_task", arguments);
    }
}
