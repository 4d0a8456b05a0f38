package hermes.runtime.internal.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

import hermes.api.Event;
import hermes.api.Tool;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.runtime.internal.models.Cancellation;

/**
 * Runs the tool calls of one model reply (reference §8 "Tool-call execution"). A batch runs concurrently only when
 * every call is safe to overlap: no {@code clarify}, every arguments object parses, and each call is read-only (a known
 * read-only tool, or a plugin tool that says it is not mutating) or a file tool whose path no other call of the batch
 * writes. Otherwise the calls run one after another. Either way the results come back in the model's order.
 */
final class ToolBatch {

    /** The original's {@code _MAX_TOOL_WORKERS}. */
    static final int MAX_WORKERS = 8;
    private static final Set<String> NEVER_PARALLEL = Set.of("clarify");
    private static final Set<String> PARALLEL_SAFE = Set.of("ha_get_state", "ha_list_entities", "ha_list_services",
            "read_file", "search_files", "session_search", "skill_view", "skills_list", "vision_analyze",
            "web_extract", "web_search");
    private static final Set<String> PATH_SCOPED = Set.of("read_file", "write_file", "patch");
    /** Not mutating the world, but they change the session's own state, so two at once would race. */
    private static final Set<String> SESSION_STATEFUL = Set.of("todo", "memory");

    private final ToolDispatcher dispatcher;
    private final SessionPort session;
    private final Consumer<Event.Payload> events;

    ToolBatch(ToolDispatcher dispatcher, SessionPort session, Consumer<Event.Payload> events) {
        this.dispatcher = dispatcher;
        this.session = session;
        this.events = events;
    }

    /** Runs {@code calls} and returns their results in the same order. */
    List<ToolResult> run(List<ToolCall> calls, Cancellation turn) throws InterruptedException {
        if (!parallel(calls, name -> dispatcher.find(name), session.workingDirectory())) {
            List<ToolResult> results = new ArrayList<>();
            for (ToolCall call : calls) {
                results.add(runOne(call, turn));
            }
            return results;
        }
        Semaphore workers = new Semaphore(MAX_WORKERS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ToolResult>> futures = new ArrayList<>();
            for (ToolCall call : calls) {
                futures.add(threads.submit(() -> {
                    workers.acquire();
                    try {
                        return runOne(call, turn);
                    } finally {
                        workers.release();
                    }
                }));
            }
            List<ToolResult> results = new ArrayList<>();
            for (Future<ToolResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    results.add(ToolResult.error("Tool execution failed: " + e.getCause()));
                }
            }
            return results;
        }
    }

    private ToolResult runOne(ToolCall call, Cancellation turn) throws InterruptedException {
        if (turn.isCancelled()) {
            return ToolResult.error("skipped: the turn was interrupted");
        }
        events.accept(new Event.ToolStarted(call.id(), call.name(), call.arguments()));
        long start = System.nanoTime();
        CallContext context = new CallContext(session, turn, Optional.empty());
        ToolResult result;
        try {
            result = dispatcher.dispatch(call, context);
        } finally {
            context.finish();
        }
        if (turn.isCancelled() && !result.error()) {
            // a command killed by the interrupt exits "normally"; the user should see that it was stopped
            result = ToolResult.error("interrupted: " + result.content());
        }
        events.accept(new Event.ToolFinished(call.id(), call.name(), result,
                Duration.ofNanos(System.nanoTime() - start)));
        return result;
    }

    /** Whether {@code calls} may run at the same time (see the class comment). */
    static boolean parallel(List<ToolCall> calls, Function<String, Optional<Tool>> tools, Path cwd) {
        if (calls.size() < 2) {
            return false;
        }
        List<Path> written = new ArrayList<>();
        List<Path> touched = new ArrayList<>();
        for (ToolCall call : calls) {
            Map<String, Object> arguments;
            try {
                arguments = call.parsedArguments();
            } catch (IllegalArgumentException e) {
                return false;
            }
            String name = call.name();
            if (NEVER_PARALLEL.contains(name) || SESSION_STATEFUL.contains(name)) {
                return false;
            }
            if (PATH_SCOPED.contains(name)) {
                Object path = arguments.get("path");
                if (!(path instanceof String text) || text.isBlank()) {
                    return false;
                }
                Path resolved = cwd.resolve(text.startsWith("~/")
                        ? System.getProperty("user.home") + text.substring(1) : text).normalize();
                if (!name.equals("read_file")) {
                    written.add(resolved);
                }
                touched.add(resolved);
                continue;
            }
            if (PARALLEL_SAFE.contains(name)) {
                continue;
            }
            Optional<Tool> tool = tools.apply(name);
            if (tool.isEmpty() || mutating(tool.get(), call)) {
                return false;
            }
        }
        for (Path write : written) {
            long overlaps = touched.stream().filter(p -> p.startsWith(write) || write.startsWith(p)).count();
            if (overlaps > 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean mutating(Tool tool, ToolCall call) {
        try {
            return tool.isMutating(call);
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }
}
