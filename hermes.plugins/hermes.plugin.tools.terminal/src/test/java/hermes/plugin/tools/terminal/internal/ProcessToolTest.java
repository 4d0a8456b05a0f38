package hermes.plugin.tools.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

class ProcessToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final ProcessRegistry registry = new ProcessRegistry();
    private final TerminalTool terminal = new TerminalTool(registry);
    private final ProcessTool tool = new ProcessTool(registry);

    @AfterEach
    void stopProcesses() {
        registry.deactivate();
    }

    private FakeToolContext session(String id) {
        return TestShell.session(id, directory);
    }

    private static ToolCall call(String tool, String arguments) {
        return new ToolCall("call-1", tool, arguments);
    }

    private String start(String command, FakeToolContext context) throws Exception {
        return start(Map.of("command", command, "background", true), context);
    }

    private String start(Map<String, Object> arguments, FakeToolContext context) throws Exception {
        ToolResult result = terminal.call(call("terminal", JSON.writeValueAsString(arguments)), context);
        assertThat(result.error()).as(result.content()).isFalse();
        return (String) parse(result).get("session_id");
    }

    private ToolResult act(FakeToolContext context, Map<String, Object> arguments) throws Exception {
        return tool.call(call("process", JSON.writeValueAsString(arguments)), context);
    }

    private Map<String, Object> answer(FakeToolContext context, Map<String, Object> arguments) throws Exception {
        ToolResult result = act(context, arguments);
        assertThat(result.error()).as(result.content()).isFalse();
        return parse(result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(ToolResult result) throws Exception {
        return JSON.readValue(result.content(), Map.class);
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition not met within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void pollShowsOnlyTheLinesThatAreNewSinceTheLastPoll() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("for i in 1 2 3 4 5; do echo line$i; sleep 0.3; done", context);
        List<String> polls = new ArrayList<>();
        Map<String, Object> poll;
        do {
            Thread.sleep(150);
            poll = answer(context, Map.of("action", "poll", "session_id", id));
            polls.add((String) poll.get("output"));
        } while (poll.get("status").equals("running"));

        assertThat(String.join("", polls)).isEqualTo("line1\nline2\nline3\nline4\nline5\n");
        assertThat(polls.stream().filter(output -> !output.isEmpty())).hasSizeGreaterThan(1);
        assertThat(poll).containsEntry("exit_code", 0);
    }

    @Test
    void logPagesThroughTheOutputByLine() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("seq 1 50", context);
        answer(context, Map.of("action", "wait", "session_id", id, "timeout", 10));

        Map<String, Object> page = answer(context, Map.of("action", "log", "session_id", id, "offset", 10, "limit", 5));
        Map<String, Object> last = answer(context, Map.of("action", "log", "session_id", id, "limit", 3));

        assertThat(page).containsEntry("output", "11\n12\n13\n14\n15").containsEntry("total_lines", 50)
                .containsEntry("offset", 10).containsEntry("lines_shown", 5);
        assertThat(last).containsEntry("output", "48\n49\n50").containsEntry("offset", 47);
    }

    @Test
    void waitReturnsTheExitCode() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("echo working; sleep 0.5; exit 7", context);

        Map<String, Object> waited = answer(context, Map.of("action", "wait", "session_id", id, "timeout", 10));

        assertThat(waited).containsEntry("status", "exited").containsEntry("exit_code", 7)
                .containsEntry("output", "working\n").doesNotContainKey("note");
    }

    @Test
    void waitThatTimesOutSaysTheProcessStillRuns() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("sleep 30", context);

        Map<String, Object> waited = answer(context, Map.of("action", "wait", "session_id", id, "timeout", 1));

        assertThat(waited).containsEntry("status", "running");
        assertThat((String) waited.get("note")).startsWith("Still running after 1 s");
    }

    @Test
    void waitReturnsPromptlyWhenTheTurnIsCancelled() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("sleep 30", context);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduler.schedule(context::cancel, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            Map<String, Object> waited = answer(context, Map.of("action", "wait", "session_id", id, "timeout", 60));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(waited).containsEntry("status", "running")
                    .containsEntry("note", "The wait was interrupted; the process is still running.");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void killEndsASleepingProcess() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("sleep 30", context);
        long pid = registry.list("s1").getFirst().pid();

        Map<String, Object> killed = answer(context, Map.of("action", "kill", "session_id", id));

        assertThat(killed).containsEntry("status", "exited").containsEntry("exit_code", 143);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void writeAndSubmitFeedStdinAndCloseEndsCat() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("cat", context);

        answer(context, Map.of("action", "write", "session_id", id, "data", "abc"));
        answer(context, Map.of("action", "submit", "session_id", id, "data", "def"));
        StringBuilder seen = new StringBuilder();
        eventually(() -> {
            try {
                seen.append(answer(context, Map.of("action", "poll", "session_id", id)).get("output"));
                return seen.toString().equals("abcdef\n");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Map<String, Object> closed = answer(context, Map.of("action", "close", "session_id", id));
        Map<String, Object> waited = answer(context, Map.of("action", "wait", "session_id", id, "timeout", 10));

        assertThat(closed).containsEntry("stdin", "closed");
        assertThat(waited).containsEntry("status", "exited").containsEntry("exit_code", 0);
    }

    @Test
    void notifyOnCompleteTellsTheSessionOnce() throws Exception {
        FakeToolContext context = session("s1");
        String id = start(Map.of("command", "echo first; echo last; exit 3", "background", true,
                "notify_on_complete", true), context);

        answer(context, Map.of("action", "wait", "session_id", id, "timeout", 10));
        eventually(() -> !context.notices().isEmpty());
        Thread.sleep(300);

        assertThat(context.notices()).containsExactly("Background process " + id
                + " (`echo first; echo last; exit 3`) exited with code 3.\nfirst\nlast");
    }

    @Test
    void aSessionCannotSeeAnotherSessionsProcess() throws Exception {
        FakeToolContext owner = session("s1");
        FakeToolContext stranger = session("s2");
        String id = start("sleep 30", owner);

        ToolResult poll = act(stranger, Map.of("action", "poll", "session_id", id));
        Map<String, Object> list = answer(stranger, Map.of("action", "list"));

        assertThat(poll).isEqualTo(ToolResult.error("No background process '" + id
                + "' in this session. This session has no background processes."));
        assertThat(list).isEqualTo(Map.of("processes", List.of()));
    }

    @Test
    void unknownIdListsTheSessionsProcesses() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("sleep 30", context);

        ToolResult result = act(context, Map.of("action", "kill", "session_id", "proc_000000000000"));

        assertThat(result).isEqualTo(ToolResult.error("No background process 'proc_000000000000' in this session. "
                + "Known processes: " + id + "."));
    }

    @Test
    void closingTheSessionKillsItsProcesses() throws Exception {
        FakeToolContext context = session("s1");
        start("sleep 30", context);
        start("sleep 31", context);
        List<ProcessHandle> processes = registry.list("s1").stream()
                .map(process -> ProcessHandle.of(process.pid()).orElseThrow()).toList();

        context.closeSession();

        for (ProcessHandle process : processes) {
            process.onExit().get(5, TimeUnit.SECONDS);
        }
        assertThat(context.sessionCloseActions()).hasSize(1);
        assertThat(registry.list("s1")).isEmpty();
    }

    @Test
    void listShowsCommandStatusAndExitCode() throws Exception {
        FakeToolContext context = session("s1");
        String id = start("exit 5", context);
        answer(context, Map.of("action", "wait", "session_id", id, "timeout", 10));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> processes = (List<Map<String, Object>>) answer(context, Map.of("action", "list"))
                .get("processes");

        assertThat(processes).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("session_id", id).containsEntry("command", "exit 5")
                .containsEntry("status", "exited").containsEntry("exit_code", 5)
                .containsKeys("pid", "started_at", "uptime_seconds"));
    }

    @Test
    void onlyReadingActionsAreNotMutating() {
        for (String action : List.of("list", "poll", "log", "wait")) {
            assertThat(tool.isMutating(call("process", "{\"action\":\"" + action + "\"}"))).as(action).isFalse();
        }
        for (String action : List.of("kill", "write", "submit", "close", "explode")) {
            assertThat(tool.isMutating(call("process", "{\"action\":\"" + action + "\"}"))).as(action).isTrue();
        }
        assertThat(tool.isMutating(call("process", "not json"))).isTrue();
    }

    @Test
    void unknownActionNamesTheValidOnes() throws Exception {
        assertThat(act(session("s1"), Map.of("action", "explode"))).isEqualTo(ToolResult.error(
                "unknown action 'explode'; use one of list, poll, log, wait, kill, write, submit, close"));
    }
}
