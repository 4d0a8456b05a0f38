package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Message;
import hermes.api.ModelRequest;
import hermes.api.SessionSpec;
import hermes.api.ToolCall;
import hermes.api.ToolSpec;

/** Resume, and the background review that forks after a turn: its request, its tools, and what it leaves alone. */
class LearningLoopTest {

    @TempDir
    Path home;
    Harness harness;
    ScriptedProvider model;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(home, """
                model: scripted:m
                memory:
                  nudge_interval: 2
                skills:
                  creation_nudge_interval: 2
                """);
        TestTools.allowEverything(harness.dispatcher);
        TestTools.register(harness.registry, TestTools.sleeping("memory", Duration.ZERO, true));
        TestTools.register(harness.registry, TestTools.sleeping("skill_manage", Duration.ZERO, true));
        TestTools.register(harness.registry, TestTools.sleeping("read_file", Duration.ZERO, false));
        model = harness.provider("scripted");
    }

    private static List<String> toolNames(ModelRequest request) {
        return request.tools().stream().map(ToolSpec::name).sorted().toList();
    }

    @Test
    void aResumedSessionKeepsItsIdAndSendsItsStoredHistory() throws Exception {
        model.always(ScriptedProvider.text("noted"));
        RuntimeSession first = harness.open();
        turn(first, "the launch code is tangerine");
        first.close();

        RuntimeSession resumed = harness.open(new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.of(first.id()), Optional.empty(), 0, java.util.Map.of(), Optional.empty()));
        turn(resumed, "what was the code?");

        assertThat(resumed.id()).isEqualTo(first.id());
        List<Message> sent = model.requests.getLast().messages();
        assertThat(sent.stream().map(Message::text)).containsSubsequence("the launch code is tangerine", "noted",
                "what was the code?");
        assertThat(harness.store.messages(first.id())).hasSize(4);
    }

    @Test
    void aResumedSessionContinuesWithTheSystemPromptItWasStoredWithByteForByte() throws Exception {
        MapMemory notes = new MapMemory(List.of("the build uses Maven"), List.of());
        harness.memory = notes;
        model.always(ScriptedProvider.text("noted"));
        RuntimeSession first = harness.open();
        turn(first, "hello");
        first.close();
        String prompt = model.requests.getLast().messages().get(0).text();
        assertThat(harness.store.systemPrompt(first.id())).contains(prompt);

        notes.write(hermes.api.MemoryStore.Target.MEMORY, List.of("written after the session started"));
        RuntimeSession resumed = harness.open(new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.of(first.id()), Optional.empty(), 0, java.util.Map.of(), Optional.empty()));
        turn(resumed, "again");
        resumed.awaitBackgroundWork(); // the memory review after the second turn asks the model too
        assertThat(systemPromptOfTurn("again")).isEqualTo(prompt);

        turn(harness.open(), "a new session");
        assertThat(systemPromptOfTurn("a new session")).contains("written after the session started");
    }

    /** The system prompt of the request whose last message is the user's {@code text}. */
    private String systemPromptOfTurn(String text) {
        return model.requests.stream().filter(request -> request.messages().getLast().text().equals(text))
                .findFirst().orElseThrow().messages().get(0).text();
    }

    @Test
    void resumingByTitleFindsTheSessionAndAnUnknownOneNamesHowToList() throws Exception {
        model.always(ScriptedProvider.text("ok"));
        RuntimeSession first = harness.open();
        turn(first, "hello");
        harness.store.rename(first.id(), "Tax return");

        assertThat(Resumption.load(harness.services, "Tax return").id()).isEqualTo(first.id());
        assertThat(Resumption.load(harness.services, Resumption.LAST).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> Resumption.load(harness.services, "Holiday"))
                .hasMessage("no session with id or title 'Holiday': list them with hermes sessions list");
    }

    @Test
    void theMemoryNudgeForksAReviewWithOnlyMemoryAndSkillToolsThatLeavesTheTranscriptAlone() throws Exception {
        model.then(ScriptedProvider.text("one")).then(ScriptedProvider.text("two"))
                .then(ScriptedProvider.tools(new ToolCall("r1", "memory",
                        "{\"action\":\"add\",\"target\":\"user\",\"content\":\"likes tea\"}")))
                .then(ScriptedProvider.text("saved one user fact"));
        RuntimeSession session = harness.open();
        turn(session, "first");
        assertThat(model.requests).hasSize(1);
        Harness.Recorder recorder = new Harness.Recorder(session);
        turn(session, "I like tea");
        List<Message> storedBefore = harness.store.messages(session.id());
        session.awaitBackgroundWork();

        assertThat(model.requests).hasSize(4);
        ModelRequest review = model.requests.get(2);
        assertThat(toolNames(review)).containsExactly("memory", "skill_manage");
        assertThat(review.messages().getLast().text()).startsWith("Look back over this conversation");
        assertThat(review.messages().get(0).text()).isEqualTo(model.requests.get(1).messages().get(0).text());
        assertThat(harness.store.messages(session.id())).isEqualTo(storedBefore).hasSize(4);
        assertThat(session.conversation().history()).hasSize(4);
        assertThat(recorder.await(hermes.api.Event.Notice.class, Duration.ofSeconds(5)).text())
                .isEqualTo("💾 Memory updated");
    }

    @Test
    void aTurnWithManyToolIterationsForksASkillReview() throws Exception {
        model.then(ScriptedProvider.tools(new ToolCall("a", "read_file", "{}")))
                .then(ScriptedProvider.tools(new ToolCall("b", "read_file", "{}")))
                .then(ScriptedProvider.text("done"))
                .then(ScriptedProvider.text("nothing worth saving"));
        RuntimeSession session = harness.open();
        turn(session, "do the long thing");
        session.awaitBackgroundWork();

        assertThat(model.requests).hasSize(4);
        assertThat(model.requests.get(3).messages().getLast().text()).startsWith("This task took many steps");
    }

    @Test
    void aSubagentNeverReviews() throws Exception {
        model.always(ScriptedProvider.text("ok"));
        RuntimeSession child = harness.open(new SessionSpec(Caller.localUser(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of("parent"), 1, java.util.Map.of(), Optional.empty()));
        turn(child, "one");
        turn(child, "two");
        child.awaitBackgroundWork();

        assertThat(model.requests).hasSize(2);
    }

    @Test
    void aSeededConversationSendsItsMessagesAndStoresThemWithTheFirstTurn() throws Exception {
        model.always(ScriptedProvider.text("Paris."));
        RuntimeSession session = harness.open();
        session.submit(new hermes.api.Submission.Seed(List.of(Message.user("I live in France."),
                Message.assistant("Noted."))));
        turn(session, "what is my capital?");

        assertThat(model.requests.getLast().messages().stream().skip(1).map(Message::text))
                .containsExactly("I live in France.", "Noted.", "what is my capital?");
        assertThat(harness.store.messages(session.id())).extracting(Message::text)
                .containsExactly("I live in France.", "Noted.", "what is my capital?", "Paris.");
    }
}
