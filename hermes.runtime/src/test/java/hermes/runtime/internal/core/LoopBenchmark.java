package hermes.runtime.internal.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import hermes.api.Event;
import hermes.api.Message;
import hermes.api.Submission;
import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolContext;
import hermes.api.ToolResult;
import hermes.api.ToolSpec;
import hermes.plugin.provider.openai.internal.ChatCompletionsProvider;
import hermes.testing.FakeModelServer;
import hermes.testing.Reply;
import hermes.testing.ToolCallReply;

/**
 * Loop overhead per tool iteration through the real session and turn loop: each iteration builds a request with 60
 * tool schemas, sends it to the fake model server (which answers instantly with the next tool call), parses the
 * streamed Chat Completions reply, dispatches the call and records the result. Run by {@code bench/run --loop}; prints
 * one JSON object. Not a test: timings belong in benchmarks, not in assertions.
 */
public final class LoopBenchmark {

    private static final int TOOLS = 60;
    private static final int ITERATIONS_PER_TURN = 20;

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path home = Files.createTempDirectory("hermes-bench");
        try (FakeModelServer server = new FakeModelServer().start()) {
            server.respondWith(request -> {
                long results = 0;
                for (var message : request.messages()) {
                    results += message.path("role").asText().equals("tool") ? 1 : 0;
                }
                return results < ITERATIONS_PER_TURN
                        ? Reply.toolCalls(ToolCallReply.of("call_" + results, "noop", "{\"n\":" + results + "}"))
                        : Reply.text("done");
            });
            Harness harness = new Harness(home, "model:\n  provider: custom\n  base_url: " + server.openAiBaseUrl()
                    + "\n  default: bench\n");
            harness.providers.addProvider(new ChatCompletionsProvider(), Map.of("hermes.id", "chat_completions",
                    "service.id", 1L));
            for (int i = 0; i < TOOLS - 1; i++) {
                TestTools.register(harness.registry, schemaTool("tool_" + i));
            }
            TestTools.register(harness.registry, TestTools.sleeping("noop", Duration.ZERO, false));

            List<Long> http = measure(harness, turns);
            ScriptedProvider inProcess = harness.provider("inproc").always((request, listener) -> {
                long results = request.messages().stream().filter(m -> m.role() == Message.Role.TOOL).count();
                return results < ITERATIONS_PER_TURN
                        ? ScriptedProvider.tools(new ToolCall("c" + results, "noop", "{}")).answer(request, listener)
                        : ScriptedProvider.text("done").answer(request, listener);
            });
            Files.writeString(home.resolve("config.yaml"), "model: inproc:bench\n");
            List<Long> loopOnly = measure(harness, turns);
            System.out.println("{\"tools\": " + TOOLS + ", \"iterations\": " + http.size()
                    + ", \"http_p50_ms\": " + ms(percentile(http, 50)) + ", \"http_p90_ms\": " + ms(percentile(http, 90))
                    + ", \"loop_only_p50_ms\": " + ms(percentile(loopOnly, 50))
                    + ", \"loop_only_p90_ms\": " + ms(percentile(loopOnly, 90)) + ", \"requests\": "
                    + server.requests().size() + ", \"in_process_requests\": " + inProcess.requests.size() + "}");
        }
    }

    /** Nanoseconds between consecutive tool results, over {@code turns} turns (the first third is warm-up). */
    private static List<Long> measure(Harness harness, int turns) throws Exception {
        List<Long> samples = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            RuntimeSession session = harness.open();
            List<Long> finished = Collections.synchronizedList(new ArrayList<>());
            session.subscribe(event -> {
                if (event.payload() instanceof Event.ToolFinished) {
                    finished.add(System.nanoTime());
                }
            });
            Harness.Recorder recorder = new Harness.Recorder(session);
            session.submit(Submission.UserTurn.text("go"));
            recorder.untilFinished(Duration.ofSeconds(60));
            session.close();
            if (t >= turns / 3) {
                for (int i = 1; i < finished.size(); i++) {
                    samples.add(finished.get(i) - finished.get(i - 1));
                }
            }
        }
        return samples;
    }

    private static Tool schemaTool(String name) {
        String schema = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"a file"
                + " path\"},\"limit\":{\"type\":\"integer\",\"description\":\"how many\"},\"mode\":{\"type\":\"string\","
                + "\"enum\":[\"a\",\"b\",\"c\"]}},\"required\":[\"path\"]}";
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return ToolSpec.of(name, "bench", "A benchmark tool that stands for a real one with a typical"
                        + " description of about this length, so the request is as large as a real one.", schema);
            }

            @Override
            public ToolResult call(ToolCall call, ToolContext context) {
                return ToolResult.ok("{}");
            }
        };
    }

    private static long percentile(List<Long> samples, int p) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
