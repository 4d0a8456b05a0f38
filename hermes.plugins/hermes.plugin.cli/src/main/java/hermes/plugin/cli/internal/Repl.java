package hermes.plugin.cli.internal;

import java.io.IOError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
import hermes.api.SessionSpec;
import hermes.api.Submission;

/**
 * The interactive shell: reads lines with JLine, runs slash commands, sends everything else to one session and
 * renders its answer, and prints plugin changes above the prompt.
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
    private volatile boolean stopped;
    /** Whether the CLI thread waits for a turn; decides what Ctrl-C and plugin events do. */
    private volatile boolean inTurn;
    private final AtomicInteger interruptsThisTurn = new AtomicInteger();

    Repl(AgentRuntime runtime, CommandCatalog catalog, Path home, String version) {
        this.runtime = runtime;
        this.catalog = catalog;
        this.home = home;
        this.version = version;
    }

    /**
     * Runs the shell until the user leaves ({@code /quit}, Ctrl-D, Ctrl-C twice) or {@link #stop} is called.
     *
     * @return the exit code
     */
    int run() throws Exception {
        String banner = "Hermes " + version + " — /help for commands, /quit to leave";
        boolean early = EarlyPrompt.show(banner, System.out);
        Terminal opened = SystemTerminal.open();
        terminal.set(opened);
        if (stopped) {
            closeTerminal();
            return OneShot.OK;
        }
        try {
            LOG.log(System.Logger.Level.DEBUG, "terminal type {0}", opened.getType());
            LineReader reader = newReader(opened);
            TurnPrinter printer = new TurnPrinter(opened);
            if (!early) {
                printer.line(banner);
            }
            String prompt = SystemTerminal.isDumb(opened) ? EarlyPrompt.DUMB_PROMPT : EarlyPrompt.PROMPT;
            try (Session session = runtime.open(SessionSpec.of(Caller.localUser()));
                 AutoCloseable sessionEvents = session.subscribe(printer);
                 AutoCloseable runtimeEvents = runtime.subscribe(event -> onRuntimeEvent(event, reader, printer))) {
                opened.handle(Terminal.Signal.INT, signal -> onCtrlC(session, printer));
                if (early) {
                    // erased only now, right before readLine draws the real prompt in its place
                    EarlyPrompt.handOver(opened);
                }
                return loop(reader, prompt, session, printer);
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

    private int loop(LineReader reader, String prompt, Session session, TurnPrinter printer) {
        boolean interruptedLast = false;
        while (!stopped) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                boolean empty = e.getPartialLine() == null || e.getPartialLine().isBlank();
                if (empty && interruptedLast) {
                    return OneShot.OK;
                }
                interruptedLast = true;
                if (empty) {
                    printer.line("(press Ctrl-C again or type /quit to leave)");
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
            interruptedLast = false;
            String input = line.strip();
            if (input.isEmpty()) {
                continue;
            }
            if (input.startsWith("/")) {
                if (!slashCommand(input, session, printer)) {
                    return OneShot.OK;
                }
            } else {
                turn(input, reader, session, printer);
            }
        }
        return OneShot.OK;
    }

    /** Runs {@code /name args}; returns false when the user asked to leave. */
    private boolean slashCommand(String input, Session session, TurnPrinter printer) {
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
            case "help" -> printer.line(CommandCatalog.help(catalog.entries()));
            default -> {
                Optional<Command> command = catalog.find(name);
                if (command.isEmpty()) {
                    printer.line("unknown command /" + name + " — /help lists the commands");
                } else {
                    runCommand(command.get(), name, arguments, session, printer);
                }
            }
        }
        return true;
    }

    private static void runCommand(Command command, String typed, String arguments, Session session,
                                   TurnPrinter printer) {
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
                printer.line(text);
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
            printer.error("/" + typed + " failed: " + OneShot.messageOf(e));
        }
    }

    /** Sends one user message and renders the answer until the turn ends. */
    private void turn(String text, LineReader reader, Session session, TurnPrinter printer) {
        printer.beginTurn();
        interruptsThisTurn.set(0);
        inTurn = true;
        try {
            session.submit(Submission.UserTurn.text(text));
            TurnQuestions questions = new TurnQuestions(reader, printer);
            while (true) {
                switch (printer.next()) {
                    case TurnPrinter.Finished finished -> {
                        return;
                    }
                    case TurnPrinter.Abandoned abandoned -> {
                        printer.line("(stopped waiting for the answer)");
                        return;
                    }
                    case TurnPrinter.Approval approval -> session.submit(questions.approve(approval.request()));
                    case TurnPrinter.Clarify clarify -> session.submit(questions.clarify(clarify.request()));
                }
            }
        } catch (InterruptedException e) {
            // only stop() interrupts the CLI thread: the shell is going away
            Thread.currentThread().interrupt();
            stopped = true;
        } catch (RuntimeException e) {
            // the runtime refused the submission (a closed session, say): say so and keep the shell
            LOG.log(System.Logger.Level.WARNING, "the turn could not be run", e);
            printer.error("error: " + OneShot.messageOf(e));
        } finally {
            inTurn = false;
        }
    }

    /** Ctrl-C while a turn runs (readLine handles it at the prompt): first stop the turn, then stop waiting for it. */
    private void onCtrlC(Session session, TurnPrinter printer) {
        if (!inTurn) {
            return;
        }
        if (interruptsThisTurn.getAndIncrement() == 0) {
            session.submit(new Submission.Interrupt());
        } else {
            printer.abandon();
        }
    }

    /** Runtime events come on a runtime thread; a plugin change is one line above the prompt. */
    private void onRuntimeEvent(Event event, LineReader reader, TurnPrinter printer) {
        if (!(event.payload() instanceof Event.PluginChanged changed)) {
            return;
        }
        try {
            String line = PluginChangeLine.of(changed);
            if (inTurn) {
                // no prompt is drawn; the printer keeps the line apart from the streaming answer
                printer.line(line);
            } else {
                reader.printAbove(line);
            }
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
