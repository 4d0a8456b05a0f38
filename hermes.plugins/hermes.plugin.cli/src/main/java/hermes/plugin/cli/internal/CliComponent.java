package hermes.plugin.cli.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import hermes.api.AgentRuntime;
import hermes.api.Command;

/**
 * The terminal front end. When the launcher hands it the terminal (framework property {@code hermes.cli=true}), it
 * runs the command line on its own thread, {@code hermes-cli}: a one-shot subcommand from {@code hermes.args}, a
 * one-shot chat ({@code hermes chat -q}, {@code hermes -z}), or the interactive shell; then it reports the exit code
 * to the launcher's {@code hermes.exit} service, exactly once.
 *
 * <p>Without {@code hermes.cli} (integration tests drive the runtime directly) it does nothing at all.
 *
 * <p>Activation only starts the thread: the time to the first prompt is what a user waits for.
 */
@Component(immediate = true)
public final class CliComponent {

    private static final System.Logger LOG = System.getLogger(CliComponent.class.getName());
    /** How long a one-shot waits for the bundles after it and the plugins folder to finish starting. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(5);

    private final AgentRuntime runtime;
    private final IntConsumer exit;
    private final BundleContext context;
    private final CommandCatalog catalog = new CommandCatalog();
    private final AtomicBoolean exitReported = new AtomicBoolean();
    private volatile boolean deactivating;
    private volatile Thread thread;
    private Repl repl;

    @Activate
    public CliComponent(@Reference AgentRuntime runtime, @Reference(target = "(hermes.exit=true)") IntConsumer exit,
                        BundleContext context) {
        this.runtime = runtime;
        this.exit = exit;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCommand(Command command) {
        catalog.add(command);
    }

    void removeCommand(Command command) {
        catalog.remove(command);
    }

    /** Runs after the constructor and the first command bindings: starts the CLI thread when the CLI is wanted. */
    @Activate
    void start() {
        if (!"true".equals(context.getProperty("hermes.cli"))) {
            return;
        }
        List<String> arguments = OneShotArguments.split(context.getProperty("hermes.args"));
        thread = new Thread(() -> runToExit(arguments), "hermes-cli");
        thread.start();
    }

    /** Stops the CLI thread: closes the terminal so a waiting read returns, and wakes any other wait. */
    @Deactivate
    void stop() throws InterruptedException {
        deactivating = true;
        Thread running = thread;
        if (running == null) {
            return;
        }
        Repl shell = currentRepl();
        if (shell != null) {
            shell.stop();
        }
        running.interrupt();
        // give the shell a moment to restore the terminal's settings before the process goes away
        running.join(2_000);
    }

    private void runToExit(List<String> arguments) {
        int code = OneShot.FAILED;
        try {
            code = switch (OneShotArguments.parse(arguments)) {
                case OneShotArguments.Interactive interactive -> interactive(interactive.options());
                case OneShotArguments.Run run -> {
                    awaitStartup();
                    yield oneShot().run(run.command(), run.arguments());
                }
                case OneShotArguments.Query query -> {
                    // providers and tools must be registered before the session takes its snapshot of them
                    awaitStartup();
                    yield query(query);
                }
                case OneShotArguments.CheckApprovalsJsonl jsonl -> {
                    awaitStartup();
                    yield oneShot().runEachLine("approvals", "check-json",
                            new BufferedReader(new InputStreamReader(System.in, stdinCharset())));
                }
                case OneShotArguments.Scan scan -> {
                    awaitStartup();
                    yield oneShot().runOnText("scan", "check " + scan.scope(), scan.source(),
                            new InputStreamReader(System.in, stdinCharset()));
                }
                case OneShotArguments.ScanJsonl jsonl -> {
                    awaitStartup();
                    yield oneShot().runEachLine("scan", "check-json " + jsonl.scope(),
                            new BufferedReader(new InputStreamReader(System.in, stdinCharset())));
                }
                case OneShotArguments.UsageError usage -> oneShot().usage(usage.problem());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            // a request that cannot be met as asked (hermes -c "no such title"): the message says what to do
            System.err.println("hermes: " + e.getMessage());
        } catch (Exception | Error e) {
            if (deactivating) {
                // the terminal or a service went away under us on purpose; nothing the user must read
                LOG.log(System.Logger.Level.DEBUG, "the CLI ended while stopping", e);
            } else {
                LOG.log(System.Logger.Level.ERROR, "the CLI failed", e);
                System.err.println("hermes: " + OneShot.messageOf(e) + " (see $HERMES_HOME/logs/hermes.log)");
            }
        } finally {
            // when deactivation ended us, the framework or our dependencies are going away on their own account
            if (!deactivating && exitReported.compareAndSet(false, true)) {
                exit.accept(code);
            }
        }
    }

    private void awaitStartup() throws InterruptedException {
        new StartupWait(context, runtime, home().resolve("plugins")).await(STARTUP_WAIT);
    }

    /**
     * {@code hermes chat -q} and {@code hermes -z}: one turn on stdout (errors and warnings on stderr). Questions are
     * asked on the terminal when stdin is one, else nobody can answer them.
     */
    private int query(OneShotArguments.Query query) throws Exception {
        PrintWriter out = new PrintWriter(System.out, false, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, false, System.err.charset());
        Screen screen = new PlainScreen(out, err);
        TurnPrinter.Verbosity verbosity = query.answerOnly() ? TurnPrinter.Verbosity.ANSWER_ONLY
                : query.options().quiet() ? TurnPrinter.Verbosity.QUIET : TurnPrinter.Verbosity.PROGRESS;
        Questions questions = SystemTerminal.stdinIsTerminal()
                ? new TurnQuestions(new StdinAnswers(new BufferedReader(new InputStreamReader(System.in,
                        stdinCharset())), err), screen)
                : new NobodyToAsk(screen);
        try {
            return new TurnRunner(new TurnPrinter(screen, verbosity, false), questions)
                    .runOnce(runtime, query.options().spec(), query.text());
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The encoding of stdin, as the JDK determined it ({@code stdin.encoding}, JDK 19+). */
    private static Charset stdinCharset() {
        String name = System.getProperty("stdin.encoding");
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    private int interactive(ChatOptions options) throws Exception {
        if (options.resume().isPresent()) {
            // the stored conversation is read when the session opens: the session store must be there first
            awaitStartup();
        }
        Repl shell = new Repl(runtime, catalog, home(),
                Objects.requireNonNullElse(context.getProperty("hermes.version"), "dev"), options,
                SystemTerminal::open);
        synchronized (this) {
            repl = shell;
        }
        if (deactivating) {
            return OneShot.OK;
        }
        return shell.run();
    }

    /** {@code $HERMES_HOME}, as the launcher resolved it. */
    private Path home() {
        String home = context.getProperty("hermes.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".hermes");
    }

    private synchronized Repl currentRepl() {
        return repl;
    }

    private OneShot oneShot() {
        return new OneShot(catalog, System.out, System.err, OneShot.REGISTRATION_WAIT);
    }
}
