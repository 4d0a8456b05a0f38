package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.SessionSpec;
import hermes.api.ToolCall;

class TurnLoopTest {

    @TempDir
    Path home;
    Harness harness;
    ScriptedProvider model;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(home, "model: scripted:test-model\n");
        model = harness.provider("scripted");
        TestTools.allowEverything(harness.dispatcher);
    }

    @Test
    void toolRoundTripFeedsTheResultBackAndCommitsTheWholeTurn() throws Exception {
        TestTools.register(harness.registry, TestTools.sleeping("lookup", Duration.ZERO, false));
        model.then(ScriptedProvider.tools(new ToolCall("c1", "lookup", "{\"q\":1}")))
                .then(ScriptedProvider.text("the answer"));
        RuntimeSession session = harness.open();

        List<Event> events = turn(session, "find it");

        assertThat(payloads(events, Event.ToolStarted.class)).extracting(Event.ToolStarted::toolName)
                .containsExactly("lookup");
        assertThat(payloads(events, Event.ToolFinished.class).get(0).result().content()).isEqualTo("lookup {\"q\":1}");
        assertThat(payloads(events, Event.TurnFinished.class).get(0))
                .isEqualTo(new Event.TurnFinished("stop", new hermes.api.Usage(20, 10, 0, 0, 0), 2, "the answer"));
        ModelRequest second = model.requests.get(1);
        assertThat(second.messages()).extracting(Message::role).containsExactly(Message.Role.SYSTEM,
                Message.Role.USER, Message.Role.ASSISTANT, Message.Role.TOOL);
        assertThat(second.messages().get(3).toolCallId()).contains("c1");
        assertThat(session.conversation().history()).hasSize(4);
        assertThat(harness.store.messages(session.id())).hasSize(4);
    }

    @Test
    void systemPromptIsByteIdenticalAcrossTurns() throws Exception {
        model.always(ScriptedProvider.text("ok"));
        RuntimeSession session = harness.open();
        turn(session, "one");
        TestTools.register(harness.registry, TestTools.sleeping("late_tool", Duration.ZERO, false));
        turn(session, "two");

        String first = model.requests.get(0).messages().get(0).text();
        String second = model.requests.get(1).messages().get(0).text();
        assertThat(second).isEqualTo(first);
        assertThat(model.requests.get(1).tools()).isEqualTo(model.requests.get(0).tools());
    }

    @Test
    void twoReadOnlyCallsRunInParallelWithResultsInCallOrder() throws Exception {
        TestTools.register(harness.registry, TestTools.sleeping("slow_read", Duration.ofMillis(500), false));
        model.then(ScriptedProvider.tools(new ToolCall("a", "slow_read", "{\"n\":1}"),
                new ToolCall("b", "slow_read", "{\"n\":2}"))).then(ScriptedProvider.text("done"));
        RuntimeSession session = harness.open();

        List<Event> events = turn(session, "read both");

        assertThat(batchTime(events)).isLessThan(Duration.ofMillis(800));
        List<Message> fed = model.requests.get(1).messages();
        assertThat(fed.get(3).text()).isEqualTo("slow_read {\"n\":1}");
        assertThat(fed.get(4).text()).isEqualTo("slow_read {\"n\":2}");
    }

    @Test
    void twoWritesToTheSamePathRunOneAfterTheOther() throws Exception {
        TestTools.register(harness.registry, TestTools.sleeping("write_file", Duration.ofMillis(500), true));
        model.then(ScriptedProvider.tools(new ToolCall("a", "write_file", "{\"path\":\"x.txt\",\"content\":\"1\"}"),
                new ToolCall("b", "write_file", "{\"path\":\"x.txt\",\"content\":\"2\"}")))
                .then(ScriptedProvider.text("done"));
        RuntimeSession session = harness.open();

        List<Event> events = turn(session, "write twice");

        assertThat(batchTime(events)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(model.requests.get(1).messages().get(3).toolCallId()).contains("a");
        assertThat(model.requests.get(1).messages().get(4).toolCallId()).contains("b");
    }

    /** From the first tool start to the last tool finish: the batch alone, without the model calls around it. */
    private static Duration batchTime(List<Event> events) {
        java.time.Instant first = events.stream().filter(e -> e.payload() instanceof Event.ToolStarted)
                .map(Event::at).min(java.util.Comparator.naturalOrder()).orElseThrow();
        java.time.Instant last = events.stream().filter(e -> e.payload() instanceof Event.ToolFinished)
                .map(Event::at).max(java.util.Comparator.naturalOrder()).orElseThrow();
        return Duration.between(first, last);
    }

    @Test
    void writesToDifferentPathsRunInParallel() {
        List<ToolCall> calls = List.of(new ToolCall("a", "write_file", "{\"path\":\"a.txt\"}"),
                new ToolCall("b", "write_file", "{\"path\":\"b.txt\"}"));
        assertThat(ToolBatch.parallel(calls, name -> Optional.empty(), Path.of("/tmp"))).isTrue();
        List<ToolCall> nested = List.of(new ToolCall("a", "write_file", "{\"path\":\"dir/a.txt\"}"),
                new ToolCall("b", "read_file", "{\"path\":\"dir\"}"));
        assertThat(ToolBatch.parallel(nested, name -> Optional.empty(), Path.of("/tmp"))).isFalse();
        List<ToolCall> withClarify = List.of(new ToolCall("a", "read_file", "{\"path\":\"a\"}"),
                new ToolCall("b", "clarify", "{\"question\":\"?\"}"));
        assertThat(ToolBatch.parallel(withClarify, name -> Optional.empty(), Path.of("/tmp"))).isFalse();
        List<ToolCall> malformed = List.of(new ToolCall("a", "read_file", "{\"path\":\"a\"}"),
                new ToolCall("b", "read_file", "{not json"));
        assertThat(ToolBatch.parallel(malformed, name -> Optional.empty(), Path.of("/tmp"))).isFalse();
    }

    @Test
    void iterationCapEndsWithOneToollessSummaryCall() throws Exception {
        TestTools.register(harness.registry, TestTools.sleeping("lookup", Duration.ZERO, false));
        model.always((request, listener) -> request.tools().isEmpty()
                ? ScriptedProvider.text("summary").answer(request, listener)
                : ScriptedProvider.tools(new ToolCall("c" + request.messages().size(), "lookup", "{}"))
                        .answer(request, listener));
        RuntimeSession session = harness.open(new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), 0, Map.of("agent.max_turns", "3"), Optional.empty()));

        List<Event> events = turn(session, "loop forever");

        Event.TurnFinished finished = payloads(events, Event.TurnFinished.class).get(0);
        assertThat(finished.reason()).isEqualTo("max_turns");
        assertThat(finished.answer()).isEqualTo("summary");
        assertThat(model.requests).hasSize(4);
        ModelRequest grace = model.requests.get(3);
        assertThat(grace.tools()).isEmpty();
        assertThat(grace.messages().get(grace.messages().size() - 1).text()).isEqualTo(PromptBuilder.graceRequest());
    }

    @Test
    void toolErrorsGoBackToTheModelAsResults() throws Exception {
        model.then(ScriptedProvider.tools(new ToolCall("c1", "no_such_tool", "{}")))
                .then(ScriptedProvider.text("recovered"));
        RuntimeSession session = harness.open();

        List<Event> events = turn(session, "try");

        assertThat(payloads(events, Event.ToolFinished.class).get(0).result().error()).isTrue();
        assertThat(model.requests.get(1).messages().get(3).text()).contains("unknown tool 'no_such_tool'");
        assertThat(payloads(events, Event.TurnFinished.class).get(0).answer()).isEqualTo("recovered");
    }

    @Test
    void noticesFromBackgroundWorkReachTheModelWithTheNextUserTurnOnly() throws Exception {
        model.always(ScriptedProvider.text("ok"));
        RuntimeSession session = harness.open();
        session.notice("Background process proc_1 exited with code 0.");

        turn(session, "what happened?");
        turn(session, "and now?");

        String first = model.requests.get(0).messages().get(1).text();
        assertThat(first).startsWith("[System notes since your last reply]")
                .contains("proc_1 exited with code 0").endsWith("what happened?");
        assertThat(model.requests.get(1).messages().get(3).text()).isEqualTo("and now?");
    }

    @Test
    void memorySnapshotIsFrozenIntoTheSystemPromptAtTheConversationsStart() throws Exception {
        harness.memory = new MapMemory(List.of("the build uses Maven"), List.of("likes short answers"));
        model.always(ScriptedProvider.text("ok"));
        RuntimeSession session = harness.open();

        turn(session, "one");
        harness.memory.write(hermes.api.MemoryStore.Target.MEMORY, List.of("changed mid-session"));
        turn(session, "two");

        String first = model.requests.get(0).messages().get(0).text();
        assertThat(first).contains("MEMORY (your personal notes)").contains("the build uses Maven")
                .contains("USER PROFILE (who the user is)").contains("likes short answers");
        assertThat(model.requests.get(1).messages().get(0).text()).isEqualTo(first);
        turn(harness.open(), "three");
        assertThat(model.requests.get(2).messages().get(0).text()).contains("changed mid-session");
    }

    @Test
    void modelErrorEndsTheTurnAndKeepsNothing() throws Exception {
        model.always(ScriptedProvider.fail(hermes.api.ModelException.Kind.BAD_REQUEST));
        RuntimeSession session = harness.open();

        List<Event> events = turn(session, "hello");

        assertThat(payloads(events, Event.Error.class)).extracting(Event.Error::message)
                .containsExactly("scripted BAD_REQUEST");
        assertThat(payloads(events, Event.TurnFinished.class).get(0).reason()).isEqualTo("error");
        assertThat(session.conversation().history()).isEmpty();
    }
}
