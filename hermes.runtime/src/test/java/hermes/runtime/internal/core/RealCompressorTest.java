package hermes.runtime.internal.core;

import static hermes.runtime.internal.core.Harness.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Event;
import hermes.api.Message;
import hermes.api.Submission;
import hermes.api.ToolCall;
import hermes.plugin.context.compressor.internal.ContextCompressor;

/** /compress with the default engine bundle's class: what the model sees next is well-formed and keeps both ends. */
class RealCompressorTest {

    @TempDir
    Path home;

    @Test
    void afterCompressTheNextRequestHasNoOrphansKeepsHeadAndTailAndRecordsTheLineage() throws Exception {
        Harness harness = new Harness(home, "model: scripted:m\nmemory:\n  nudge_interval: 0\n");
        TestTools.allowEverything(harness.dispatcher);
        TestTools.register(harness.registry, TestTools.sleeping("read_file", Duration.ZERO, false));
        TestTools.register(harness.registry, TestTools.sleeping("memory", Duration.ZERO, true));
        harness.contextEngines.put("compressor", new ContextCompressor());
        ScriptedProvider model = harness.provider("scripted");
        RuntimeSession session = harness.open();
        for (int i = 0; i < 30; i++) {
            model.then(ScriptedProvider.tools(new ToolCall("call_" + i, "read_file", "{\"path\":\"f" + i + "\"}")))
                    .then(ScriptedProvider.text("answer " + i));
            turn(session, "question " + i + " " + "context ".repeat(500));
        }
        String oldId = session.id();
        model.then(ScriptedProvider.text("nothing to save")).then(ScriptedProvider.text("## Goal\nread files"))
                .then(ScriptedProvider.text("done"));
        Harness.Recorder recorder = new Harness.Recorder(session);
        session.submit(new Submission.Compact(Optional.empty()));
        assertThat(recorder.await(Event.Notice.class, Duration.ofSeconds(10)).text()).startsWith("compressed 120");
        turn(session, "last question");

        List<Message> sent = model.requests.getLast().messages();
        assertThat(sent.get(1).text()).startsWith("question 0 context");
        assertThat(sent.stream().anyMatch(m -> m.text().contains("## Goal\nread files"))).isTrue();
        // the tail is kept verbatim: the last exchange before the new question, with its tool pair
        List<Message> tail = sent.subList(sent.size() - 5, sent.size());
        assertThat(tail.get(0).text()).startsWith("question 29 context");
        assertThat(tail.get(1).toolCalls()).extracting(ToolCall::id).containsExactly("call_29");
        assertThat(tail.get(2).toolCallId()).contains("call_29");
        assertThat(tail.get(3).text()).isEqualTo("answer 29");
        assertThat(tail.get(4).text()).isEqualTo("last question");
        assertThat(sent.size()).isLessThan(60);
        Set<String> calls = new HashSet<>();
        for (Message message : sent) {
            message.toolCalls().forEach(call -> calls.add(call.id()));
            if (message.role() == Message.Role.TOOL) {
                assertThat(calls).as("every tool result follows its call").contains(message.toolCallId().orElseThrow());
            }
        }
        assertThat(harness.store.find(session.id()).orElseThrow().parentId()).contains(oldId);
    }
}
