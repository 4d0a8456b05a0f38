package hermes.plugin.tools.terminal.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import hermes.api.ToolContext;

/**
 * The background processes of every session, private to this bundle: {@code terminal(background=true)} starts them and
 * the {@code process} tool manages them. A session sees only its own processes.
 *
 * <p>Finished processes are kept {@value #KEEP_FINISHED_MINUTES} minutes so their output can still be read; at most
 * {@value #MAX_PROCESSES} are kept in all, making room by dropping the least recently used finished process first and
 * the oldest running one after that.
 *
 * <p>Immediate, so it lives as long as the bundle: a delayed component is disposed when its last user lets go, and
 * that would kill every background process between two tool calls.
 *
 * <p>Threading: all methods are safe to call from any thread.
 */
@Component(service = ProcessRegistry.class, immediate = true)
public final class ProcessRegistry {

    static final int MAX_PROCESSES = 64;
    static final int KEEP_FINISHED_MINUTES = 30;
    private static final int NOTICE_TAIL_LINES = 20;
    private static final int NOTICE_COMMAND_CHARS = 200;
    private static final System.Logger LOG = System.getLogger(ProcessRegistry.class.getName());

    private final Clock clock;
    private final int maxProcesses;
    private final Duration keepFinished;
    private final SecureRandom random = new SecureRandom();
    /** By process id, in start order. */
    private final Map<String, BackgroundProcess> processes = new LinkedHashMap<>();
    private final Set<String> sessionsWatched = ConcurrentHashMap.newKeySet();

    public ProcessRegistry() {
        this(Clock.systemUTC(), MAX_PROCESSES, Duration.ofMinutes(KEEP_FINISHED_MINUTES));
    }

    ProcessRegistry(Clock clock, int maxProcesses, Duration keepFinished) {
        this.clock = clock;
        this.maxProcesses = maxProcesses;
        this.keepFinished = keepFinished;
    }

    /**
     * Starts {@code command} on the calling session's shell.
     *
     * @param shownCommand the command as the model wrote it, for listings and the completion notice
     * @param notifyOnComplete whether to tell the session when the process exits
     * @throws IOException when the shell cannot start background processes
     */
    BackgroundProcess start(ToolContext context, String command, String shownCommand, boolean notifyOnComplete)
            throws IOException {
        Process process = context.shell().spawn(command);
        BackgroundProcess started = new BackgroundProcess(newId(), context.sessionId(), shownCommand, process, clock);
        synchronized (this) {
            dropExpired();
            while (processes.size() >= maxProcesses) {
                evictOne();
            }
            processes.put(started.id(), started);
        }
        if (sessionsWatched.add(context.sessionId())) {
            String sessionId = context.sessionId();
            context.onSessionClose(() -> closeSession(sessionId));
        }
        if (notifyOnComplete) {
            started.onExit().thenAccept(code -> {
                if (isKept(started)) {
                    context.notify(completionNotice(started, code));
                }
            });
        }
        return started;
    }

    /** The session's processes in start order. */
    synchronized List<BackgroundProcess> list(String sessionId) {
        dropExpired();
        return processes.values().stream().filter(process -> process.sessionId().equals(sessionId)).toList();
    }

    /** The session's process with this id, marked as used. */
    synchronized Optional<BackgroundProcess> find(String sessionId, String id) {
        dropExpired();
        Optional<BackgroundProcess> found = Optional.ofNullable(processes.get(id))
                .filter(process -> process.sessionId().equals(sessionId));
        found.ifPresent(BackgroundProcess::touch);
        return found;
    }

    /** Kills and forgets every process of a session that ended. */
    void closeSession(String sessionId) {
        List<BackgroundProcess> closing;
        synchronized (this) {
            closing = processes.values().stream().filter(process -> process.sessionId().equals(sessionId)).toList();
            closing.forEach(process -> processes.remove(process.id()));
        }
        sessionsWatched.remove(sessionId);
        closing.forEach(BackgroundProcess::kill);
    }

    /** The bundle is stopping: no process it started may outlive it. */
    @Deactivate
    void deactivate() {
        List<BackgroundProcess> all;
        synchronized (this) {
            all = List.copyOf(processes.values());
            processes.clear();
        }
        all.forEach(BackgroundProcess::kill);
    }

    private synchronized boolean isKept(BackgroundProcess process) {
        return processes.get(process.id()) == process;
    }

    private void dropExpired() {
        processes.values().removeIf(process -> process.finished()
                .map(at -> at.plus(keepFinished).isBefore(clock.instant()))
                .orElse(false));
    }

    private void evictOne() {
        BackgroundProcess victim = processes.values().stream()
                .filter(process -> !process.isRunning())
                .min(Comparator.comparing(BackgroundProcess::lastUsed))
                .orElseGet(() -> processes.values().iterator().next());
        LOG.log(System.Logger.Level.INFO, "dropping background process {0} ({1}) to stay within {2} processes",
                victim.id(), victim.isRunning() ? "running, killed" : "finished", maxProcesses);
        processes.remove(victim.id());
        victim.kill();
    }

    private String newId() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "proc_" + HexFormat.of().formatHex(bytes);
    }

    private static String completionNotice(BackgroundProcess process, int code) {
        String command = process.command();
        if (command.length() > NOTICE_COMMAND_CHARS) {
            command = command.substring(0, NOTICE_COMMAND_CHARS) + "…";
        }
        List<String> lines = process.lines();
        List<String> tail = lines.subList(Math.max(0, lines.size() - NOTICE_TAIL_LINES), lines.size());
        return "Background process " + process.id() + " (`" + command + "`) exited with code " + code + ".\n"
                + String.join("\n", tail);
    }
}
