package hermes.testing;

import hermes.api.Caller;
import hermes.api.TerminalBackend;
import hermes.api.ToolContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ToolContext} for tests of tools and terminal backends: the session a call would get from the runtime, set
 * up by the test with the {@code with…} methods and {@link #answering}, and recording what the code under test did.
 * Out of the box: the local user's session {@value #DEFAULT_SESSION_ID}, no variables, no configuration, no deadline,
 * no shell, nobody to answer.
 *
 * <pre>{@code
 * FakeToolContext context = new FakeToolContext(directory).with("terminal.timeout", 5L).answering("yes");
 * tool.call(call, context); // then look at context.questions(), notices(), tracked(), sessionState(), …
 * }</pre>
 *
 * <p>What the runtime does on its own, the test does by hand: {@link #cancel()} as an interrupt of the turn would,
 * {@link #closeSession()} as the end of the session would. The {@linkplain #deadline() deadline} is only reported, and
 * the working directory and variables stay as set up, whatever the shell does.
 *
 * <p>Thread safety: every method may be called from any thread; the {@code on…} actions run on the thread that calls
 * {@link #cancel()} or {@link #closeSession()}, or at once on the registering thread when that already happened.
 */
public final class FakeToolContext implements ToolContext {

    /** The session id a context has unless {@link #withSessionId} gives another one. */
    public static final String DEFAULT_SESSION_ID = "20260101_000000_abcdef";

    /** One question put to the user through {@link #ask}, as the code under test put it. */
    public record Question(String text, List<String> choices) {
    }

    private final Path workingDirectory;
    private final ConcurrentMap<String, Object> config = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> sessionState = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> tracked = new CopyOnWriteArrayList<>();
    private final Once cancellation = new Once();
    private final Once sessionEnd = new Once();
    private volatile String sessionId = DEFAULT_SESSION_ID;
    private volatile Caller caller = Caller.localUser();
    private volatile Map<String, String> environment = Map.of();
    private volatile Optional<Instant> deadline = Optional.empty();
    private volatile Optional<TerminalBackend.Shell> shell = Optional.empty();

    /** A context whose session works in {@code workingDirectory}. */
    public FakeToolContext(Path workingDirectory) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** Sets one configuration value, as {@link #config} returns it (a JDK type: {@code String}, {@code Long}, …). */
    public FakeToolContext with(String key, Object value) {
        config.put(key, Objects.requireNonNull(value, () -> "value of " + key + ": leave the key out instead"));
        return this;
    }

    /** Sets the session the call belongs to ({@link #DEFAULT_SESSION_ID} unless set). */
    public FakeToolContext withSessionId(String sessionId) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        return this;
    }

    /** Sets who asked ({@link Caller#localUser()} unless set). */
    public FakeToolContext withCaller(Caller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        return this;
    }

    /** Sets the variables the session exported, as {@link #environment()} returns them. */
    public FakeToolContext withEnvironment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** Sets the deadline that {@link #deadline()} reports; it cancels nothing by itself. */
    public FakeToolContext withDeadline(Instant deadline) {
        this.deadline = Optional.of(deadline);
        return this;
    }

    /** Sets the shell that {@link #shell()} returns; the test owns it and closes it. */
    public FakeToolContext withShell(TerminalBackend.Shell shell) {
        this.shell = Optional.of(shell);
        return this;
    }

    /** Adds answers the user gives, one to each {@link #ask} in order; once they are used up, nobody answers. */
    public FakeToolContext answering(String... answers) {
        this.answers.addAll(List.of(answers));
        return this;
    }

    /** Cancels the call as an interrupt would: runs the {@link #onCancel} actions, kills tracked processes. */
    public void cancel() {
        cancellation.happen();
    }

    /** Ends the session: runs the {@link #onSessionClose} actions, once. */
    public void closeSession() {
        sessionEnd.happen();
    }

    /** The questions asked so far, in order. */
    public List<Question> questions() {
        return List.copyOf(questions);
    }

    /** The notices sent so far with {@link #notify}, in order. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** The actions registered so far with {@link #onSessionClose}, whether they ran or not. */
    public List<Runnable> sessionCloseActions() {
        return sessionEnd.actions();
    }

    /** The processes handed over so far with {@link #track}, in order. */
    public List<ProcessHandle> tracked() {
        return List.copyOf(tracked);
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public boolean isCancelled() {
        return cancellation.happened;
    }

    @Override
    public void onCancel(Runnable action) {
        cancellation.then(action);
    }

    @Override
    public Optional<Instant> deadline() {
        return deadline;
    }

    /** Records {@code process} and kills it, with its descendants, on {@link #cancel()}. */
    @Override
    public void track(ProcessHandle process) {
        tracked.add(process);
        cancellation.then(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Override
    public Optional<Object> config(String key) {
        return Optional.ofNullable(config.get(key));
    }

    /** The shell given with {@link #withShell}; without one, an {@link IOException} that says so. */
    @Override
    public TerminalBackend.Shell shell() throws IOException {
        return shell.orElseThrow(() -> new IOException(
                "no shell was given to this FakeToolContext: set one up with withShell(...)"));
    }

    /** The same map on every call, for the context's whole life. */
    @Override
    public ConcurrentMap<String, String> sessionState() {
        return sessionState;
    }

    /** Records the question; returns the next {@linkplain #answering prepared answer}, or empty when none is left. */
    @Override
    public Optional<String> ask(String question, List<String> choices) {
        questions.add(new Question(question, List.copyOf(choices)));
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public void notify(String text) {
        notices.add(Objects.requireNonNull(text, "text"));
    }

    @Override
    public void onSessionClose(Runnable action) {
        sessionEnd.then(action);
    }

    /** Something that happens at most once, with the actions to run when it does (at once when it already has). */
    private static final class Once {
        private final List<Runnable> actions = new ArrayList<>();
        private volatile boolean happened;

        void then(Runnable action) {
            synchronized (this) {
                actions.add(action);
                if (!happened) {
                    return;
                }
            }
            action.run();
        }

        void happen() {
            List<Runnable> due;
            synchronized (this) {
                if (happened) {
                    return;
                }
                happened = true;
                due = List.copyOf(actions);
            }
            // outside the lock: an action may register another one, which then runs at once
            due.forEach(Runnable::run);
        }

        synchronized List<Runnable> actions() {
            return List.copyOf(actions);
        }
    }
}
