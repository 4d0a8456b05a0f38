package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.payloads;
import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ContextEngine;
import hermes.api.Event;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.ModelResponse;
import hermes.api.Submission;
import hermes.api.ToolSpec;
import hermes.api.Usage;

/** /compress and the automatic trigger: memory review first, then the engine, then a new session in the lineage. */
class CompactionTest {

    @TempDir
    Path home;
    Harness harness;
    ScriptedProvider model;
    final List<String> summaryPrompts = new ArrayList<>();

    /** Keeps the last two messages behind one summary message; what the real engine's contract looks like. */
    final ContextEngine lastTwo = new ContextEngine() {
        @Override
        public String id() {
            return "compressor";
        }

        @Override
        public Optional<List<Message>> compact(List<Message> history, long promptTokens, long contextLength,
                                               Summarizer summarizer) throws InterruptedException {
            summaryPrompts.add("asked at " + promptTokens);
            try {
                String summary = summarizer.summarize("summarise " + history.size() + " messages");
                List<Message> result = new ArrayList<>();
                result.add(Message.user("[summary] " + summary));
                result.addAll(history.subList(history.size() - 2, history.size()));
                return Optional.of(result);
            } catch (hermes.api.ModelException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(home, "model: scripted:m\nmemory:\n  nudge_interval: 0\n");
        TestTools.allowEverything(harness.dispatcher);
        TestTools.register(harness.registry, TestTools.sleeping("memory", Duration.ZERO, true));
        TestTools.register(harness.registry, TestTools.sleeping("read_file", Duration.ZERO, false));
        harness.contextEngines.put("compressor", lastTwo);
        model = harness.provider("scripted");
    }

    @Test
    void compressRunsTheMemoryReviewFirstThenContinuesInAChildSession() throws Exception {
        model.then(ScriptedProvider.text("a1")).then(ScriptedProvider.text("a2"))
                .then(ScriptedProvider.text("nothing to save"))
                .then(ScriptedProvider.text("GOAL: testing"));
        RuntimeSession session = harness.open();
        turn(session, "q1");
        turn(session, "q2");
        String oldId = session.id();
        Harness.Recorder recorder = new Harness.Recorder(session);

        session.submit(new Submission.Compact(Optional.empty()));
        String notice = recorder.await(Event.Notice.class, Duration.ofSeconds(10)).text();

        ModelRequest review = model.requests.get(2);
        assertThat(review.tools().stream().map(ToolSpec::name)).containsExactly("memory");
        assertThat(review.messages().getLast().text()).startsWith("The earlier part of this conversation is about to");
        ModelRequest summary = model.requests.get(3);
        assertThat(summary.tools()).isEmpty();
        assertThat(summary.messages().get(0).text()).isEqualTo(PromptBuilder.SUMMARY_SYSTEM);
        assertThat(summary.messages().get(1).text()).isEqualTo("summarise 4 messages");
        assertThat(notice).startsWith("compressed 4 messages into 3; continuing as ").endsWith("(parent " + oldId + ")");

        assertThat(session.id()).isNotEqualTo(oldId);
        assertThat(session.conversation().history().stream().map(Message::text))
                .containsExactly("[summary] GOAL: testing", "q2", "a2");
        assertThat(harness.store.find(session.id()).orElseThrow().parentId()).contains(oldId);
        assertThat(harness.store.messages(oldId)).hasSize(4);
        assertThat(harness.store.messages(session.id())).hasSize(3);
    }

    @Test
    void theNextTurnAfterACompactionSendsARebuiltPromptAndTheCompactedHistory() throws Exception {
        model.then(ScriptedProvider.text("a1")).then(ScriptedProvider.text("a2"))
                .then(ScriptedProvider.text("-")).then(ScriptedProvider.text("S"))
                .then(ScriptedProvider.text("a3"));
        RuntimeSession session = harness.open();
        turn(session, "q1");
        turn(session, "q2");
        Harness.Recorder recorder = new Harness.Recorder(session);
        session.submit(new Submission.Compact(Optional.empty()));
        recorder.await(Event.Notice.class, Duration.ofSeconds(10));
        turn(session, "q3");

        assertThat(model.requests.getLast().messages().stream().map(Message::text))
                .containsExactly(model.requests.getLast().messages().get(0).text(), "[summary] S", "q2", "a2", "q3");
        assertThat(harness.store.messages(session.id())).hasSize(5);
    }

    @Test
    void aRequestPastTheThresholdCompactsBeforeTheNextTurn() throws Exception {
        // model "m" has the default 128K window: the threshold is max(0.5 × 128K, 64K) = 64K tokens
        model.then(ScriptedProvider.text("small"))
                .then((request, listener) -> new ModelResponse(Message.assistant("big"),
                        new Usage(70_000, 5, 0, 0, 0), "stop", request.model()))
                .then(ScriptedProvider.text("-")).then(ScriptedProvider.text("S"))
                .then(ScriptedProvider.text("a3"));
        RuntimeSession session = harness.open();
        turn(session, "q1");
        turn(session, "q2");
        assertThat(summaryPrompts).isEmpty();
        String before = session.id();

        List<Event> events = turn(session, "q3");

        assertThat(summaryPrompts).containsExactly("asked at " + Long.MAX_VALUE);
        assertThat(payloads(events, Event.TurnFinished.class).getFirst().answer()).isEqualTo("a3");
        assertThat(session.id()).isNotEqualTo(before);
        assertThat(model.requests.getLast().messages().stream().skip(1).map(Message::text))
                .containsExactly("[summary] S", "q2", "big", "q3");
    }

    @Test
    void withoutAnEngineCompressSaysWhatToConfigure() throws Exception {
        harness.contextEngines.clear();
        model.always(ScriptedProvider.text("a"));
        RuntimeSession session = harness.open();
        turn(session, "q1");
        Harness.Recorder recorder = new Harness.Recorder(session);
        session.submit(new Submission.Compact(Optional.empty()));

        assertThat(recorder.await(Event.Error.class, Duration.ofSeconds(5)).message())
                .startsWith("cannot compress: no context engine 'compressor' is installed");
    }
}
