package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.AgentRuntime;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.PluginInfo;
import hermes.api.Session;
import hermes.api.SessionSpec;
import hermes.api.ToolCall;
import hermes.api.ToolInfo;
import hermes.api.ToolSpec;
import hermes.plugin.tools.delegation.internal.DelegateTaskTool;

/** delegate_task from its bundle's class against real child sessions of the turn loop. */
class DelegationThroughRuntimeTest {

    @TempDir
    Path home;

    /** The harness's sessions as an {@link AgentRuntime}, which is all the delegation tool needs. */
    private static AgentRuntime runtimeOf(Harness harness) {
        return new AgentRuntime() {
            @Override
            public Session open(SessionSpec spec) {
                return harness.open(spec);
            }

            @Override
            public Optional<Session> session(String sessionId) {
                return harness.services.sessions().apply(sessionId).map(s -> s);
            }

            @Override
            public List<ToolInfo> tools() {
                return List.of();
            }

            @Override
            public List<PluginInfo> plugins() {
                return List.of();
            }

            @Override
            public AutoCloseable subscribe(Consumer<Event> listener) {
                return () -> { };
            }
        };
    }

    @Test
    void childrenRunFocusedWithoutBlockedToolsAndOnlyTheirSummaryReachesTheParent() throws Exception {
        Harness harness = new Harness(home, "model: scripted:parent-model\n");
        TestTools.allowEverything(harness.dispatcher);
        TestTools.register(harness.registry, new DelegateTaskTool(runtimeOf(harness)));
        TestTools.register(harness.registry, TestTools.sleeping("lookup", Duration.ZERO, false));
        TestTools.register(harness.registry, TestTools.sleeping("clarify", Duration.ZERO, false));
        ScriptedProvider model = harness.provider("scripted").always((request, listener) -> {
            String system = request.messages().get(0).text();
            Message last = request.messages().get(request.messages().size() - 1);
            if (system.contains("subagent")) {
                return last.role() == Message.Role.TOOL ? ScriptedProvider.text("child found 42")
                        .answer(request, listener) : ScriptedProvider.tools(new ToolCall("k1", "lookup", "{}"))
                        .answer(request, listener);
            }
            return last.role() == Message.Role.TOOL ? ScriptedProvider.text("parent done").answer(request, listener)
                    : ScriptedProvider.tools(new ToolCall("d1", "delegate_task",
                            "{\"tasks\":[{\"goal\":\"find the answer\"},{\"goal\":\"find it again\"}]}"))
                            .answer(request, listener);
        });

        List<Event> events = turn(harness.open(), "delegate it");

        assertThat(payloads(events, Event.TurnFinished.class).get(0).answer()).isEqualTo("parent done");
        String result = payloads(events, Event.ToolFinished.class).get(0).result().content();
        JsonNode results = new ObjectMapper().readTree(result).get("results");
        assertThat(results).hasSize(2);
        for (JsonNode child : results) {
            assertThat(child.get("status").asText()).isEqualTo("completed");
            assertThat(child.get("summary").asText()).isEqualTo("child found 42");
            assertThat(child.get("api_calls").asInt()).isEqualTo(2);
            assertThat(child.get("model").asText()).isEqualTo("scripted:parent-model");
            assertThat(child.get("tool_trace").get(0).get("tool").asText()).isEqualTo("lookup");
        }
        List<ModelRequest> childRequests = model.requests.stream()
                .filter(r -> r.messages().get(0).text().contains("subagent")).toList();
        assertThat(childRequests).isNotEmpty();
        assertThat(childRequests.get(0).tools()).extracting(ToolSpec::name)
                .contains("lookup").doesNotContain("clarify", "delegate_task");
        ModelRequest parentSecond = model.requests.stream().filter(r -> r.messages().get(0).text()
                .equals(model.requests.get(0).messages().get(0).text())).toList().get(1);
        assertThat(parentSecond.messages()).extracting(Message::role).containsExactly(Message.Role.SYSTEM,
                Message.Role.USER, Message.Role.ASSISTANT, Message.Role.TOOL);
    }
}
