package hermes.plugin.cli.internal;

import java.io.IOError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import hermes.api.AgentRuntime;
import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Event;
import hermes.api.Session;
import hermes.api.Submission;

/**
 * The interactive shell: reads lines with JLine, runs slash commands, sends everything else to one session as a turn
 * ({@link TurnRunner}: the answer streams in, tool progress and notices show as lines, approvals and questions are
 * asked inline), and prints plugin changes above the prompt. Ctrl-C during a turn interrupts it; at the prompt see
 * {@link ExitGuard}.
 *
 * <p>Threading: {@link #run} on the CLI thread; {@link #stop} from any thread (component deactivation).
 */
final class Repl {

    private static final System.Logger LOG = System.getLogger(Repl.class.getName());

    private final AgentRuntime runtime;
    private final CommandCatalog catalog;
    private final Path home;
    private final String version;
    private final AtomicReference<Terminal> terminal = new AtomicReference<>();
    private final ChatOptions options;
    private volatile boolean stopped;
    /** Whether the CLI thread waits for a turn; then Ctrl-C interrupts the turn. */
    private volatile boolean inTurn;

    private final TerminalOpener terminals;

    /** Opens the terminal the shell runs on: the system's ({@link SystemTerminal#open}), or a test's. */
    interface TerminalOpener {
        Terminal open() throws IOException;
    }

    /**
     * @param options the command line's chat flags ({@code hermes chat -m x}): they open the shell's session
     */
    Repl(AgentRuntime runtime, CommandCatalog catalog, Path home, String version, ChatOptions options,
         TerminalOpener terminals) {
        this.runtime = runtime;
        this.catalog = catalog;
        this.home = home;
        this.version = version;
        this.options = options;
        this.terminals = terminals;
    }

    /**
     * Runs the shell until the user leaves ({@code /quit}, Ctrl-D, Ctrl-C twice) or {@link #stop} is called.
     *
     * @return the exit code
     */
    int run() throws Exception {
        String banner = "Hermes " + version + " — /help for commands, /quit to leave";
        boolean early = EarlyPrompt.show(banner, System.out);
        Terminal opened = terminals.open();
        terminal.set(opened);
        if (stopped) {
            closeTerminal();
            return OneShot.OK;
        }
        try {
            LOG.log(System.Logger.Level.DEBUG, "terminal type {0}", opened.getType());
            LineReader reader = newReader(opened);
            TerminalScreen screen = new TerminalScreen(opened, reader);
            TurnPrinter printer = new TurnPrinter(screen,
                    options.quiet() ? TurnPrinter.Verbosity.QUIET : TurnPrinter.Verbosity.PROGRESS, true);
            TurnRunner runner = new TurnRunner(printer, new TurnQuestions(new ReplAnswers(reader), screen));
            if (!early) {
                screen.line(Screen.Tone.PLAIN, banner);
            }
            String prompt = SystemTerminal.isDumb(opened) ? EarlyPrompt.DUMB_PROMPT : EarlyPrompt.PROMPT;
            // the same Session object for the whole shell: /new swaps the conversation inside it
            try (Session session = runtime.open(options.spec());
                 AutoCloseable sessionEvents = session.subscribe(runner);
                 AutoCloseable runtimeEvents = runtime.subscribe(event -> onRuntimeEvent(event, screen))) {
                // readLine puts its own Ctrl-C handler in place while it reads, and this one back afterwards
                opened.handle(Terminal.Signal.INT, signal -> {
                    if (inTurn) {
                        runner.interrupt(session);
                    }
                });
                if (options.resume().isPresent()) {
                    screen.line(Screen.Tone.DIM, "continuing session " + session.id());
                }
                if (early) {
                    // erased only now, right before readLine draws the real prompt in its place
                    EarlyPrompt.handOver(opened);
                }
                return loop(reader, prompt, session, runner, screen);
            }
        } finally {
            closeTerminal();
        }
    }

    /** Ends {@link #run}: closing the terminal makes a waiting {@code readLine} return. Idempotent. */
    void stop() {
        stopped = true;
        closeTerminal();
    }

    private LineReader newReader(Terminal opened) {
        // the default parser already treats an unclosed quote as text, so "don't" needs no second line
        return LineReaderBuilder.builder()
                .terminal(opened)
                .appName("hermes")
                .parser(new DefaultParser())
                .completer(new SlashCommandCompleter(catalog::entries))
                .variable(LineReader.HISTORY_FILE, home.resolve(".hermes_history"))
                // "!" is ordinary prose for a chat, not bash history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    private int loop(LineReader reader, String prompt, Session session, TurnRunner runner, Screen screen) {
        ExitGuard exitGuard = new ExitGuard();
        while (!stopped) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                boolean empty = e.getPartialLine() == null || e.getPartialLine().isBlank();
                if (exitGuard.pressed(Instant.now(), empty)) {
                    return OneShot.OK;
                }
                if (empty) {
                    screen.line(Screen.Tone.DIM, ExitGuard.HINT);
                }
                continue;
            } catch (EndOfFileException e) {
                return OneShot.OK;
            } catch (IOError | RuntimeException e) {
                // stop() closed the terminal under readLine; JLine reports that in more than one way
                if (stopped) {
                    return OneShot.OK;
                }
                throw e;
            }
            exitGuard.reset();
            String input = line.strip();
            if (input.isEmpty()) {
                continue;
            }
            if (input.startsWith("/")) {
                if (!slashCommand(input, session, runner, screen)) {
                    return OneShot.OK;
                }
            } else {
                duringTurn(() -> runner.run(session, Submission.UserTurn.text(input)), screen);
            }
        }
        return OneShot.OK;
    }

    /** Runs {@code /name args}; returns false when the user asked to leave. */
    private boolean slashCommand(String input, Session session, TurnRunner runner, Screen screen) {
        int end = 1;
        while (end < input.length() && !Character.isWhitespace(input.charAt(end))) {
            end++;
        }
        String name = input.substring(1, end);
        String arguments = input.substring(end).strip();
        switch (name) {
            case "quit", "exit" -> {
                return false;
            }
            case "help" -> screen.line(Screen.Tone.PLAIN, CommandCatalog.help(catalog.entries()));
            default -> {
                Optional<Command> command = catalog.find(name);
                if (command.isEmpty()) {
                    screen.line(Screen.Tone.PLAIN, "unknown command /" + name + " — /help lists the commands");
                    return true;
                }
                runner.beginTurn();
                CommandSession commandSession = new CommandSession(session);
                runCommand(command.get(), name, arguments, commandSession, screen);
                // /retry and the like start a turn: show it and answer its questions before the prompt comes back
                commandSession.startedTurn().ifPresent(id -> duringTurn(() -> runner.await(session, id), screen));
            }
        }
        return true;
    }

    private static void runCommand(Command command, String typed, String arguments, Session session, Screen screen) {
        Command.Context context = new Command.Context() {
            @Override
            public Optional<Session> session() {
                return Optional.of(session);
            }

            @Override
            public Caller caller() {
                return session.spec().caller();
            }

            @Override
            public void reply(String text) {
                screen.line(Screen.Tone.PLAIN, text);
            }
        };
        try {
            command.run(arguments, context);
        } catch (Exception | LinkageError e) {
            // a plugin's command must never take the shell down with it (LinkageError: a half-removed plugin)
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(System.Logger.Level.DEBUG, "/" + typed + " failed", e);
            screen.line(Screen.Tone.ERROR, "/" + typed + " failed: " + OneShot.messageOf(e));
        }
    }

    /** What the CLI thread does while a turn runs: wait for it, answering its questions. */
    private interface TurnWait {
        int await() throws InterruptedException;
    }

    /** Waits for a turn with Ctrl-C meaning "interrupt the turn"; the prompt comes back when it has finished. */
    private void duringTurn(TurnWait wait, Screen screen) {
        inTurn = true;
        try {
            wait.await();
        } catch (InterruptedException e) {
            // only stop() interrupts the CLI thread outside a question: the shell is going away
            Thread.currentThread().interrupt();
            stopped = true;
        } catch (RuntimeException e) {
            // the runtime refused the submission (a closed session, say): say so and keep the shell
            LOG.log(System.Logger.Level.WARNING, "the turn could not be run", e);
            screen.line(Screen.Tone.ERROR, "error: " + OneShot.messageOf(e));
        } finally {
            inTurn = false;
        }
    }

    /** Runtime events come on a runtime thread; a plugin change is one line (above the prompt when one is up). */
    private void onRuntimeEvent(Event event, Screen screen) {
        if (!(event.payload() instanceof Event.PluginChanged changed)) {
            return;
        }
        try {
            screen.line(Screen.Tone.PLAIN, PluginChangeLine.of(changed));
        } catch (RuntimeException | IOError e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot show a plugin change", e);
        }
    }

    private void closeTerminal() {
        Terminal current = terminal.getAndSet(null);
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the terminal failed", e);
        }
    }
}
