package hermes.plugin.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Session;

/**
 * Runs one subcommand ({@code hermes tools list}, …) without a terminal: the answer goes to stdout, errors to stderr as
 * {@code hermes: <message>}.
 */
final class OneShot {

    /** Exit codes, as {@code hermes --help} and scripts expect them. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** How long to wait for a command whose bundle has not registered it yet (bundles start in order). */
    static final Duration REGISTRATION_WAIT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(OneShot.class.getName());

    private final CommandCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration registrationWait;

    /**
     * @param registrationWait how long {@link #run} waits for a command that is not registered yet
     */
    OneShot(CommandCatalog catalog, PrintStream out, PrintStream err, Duration registrationWait) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
        this.registrationWait = registrationWait;
    }

    /** Reports a usage error with the hint to the help text; returns the exit code. */
    int usage(String problem) {
        err.println("hermes: " + problem);
        err.println("run hermes --help");
        return USAGE;
    }

    /** Runs {@code command} with {@code arguments}; returns the exit code. */
    int run(String command, String arguments) throws InterruptedException {
        Optional<Command> found = catalog.await(command, registrationWait);
        if (found.isEmpty()) {
            err.println("hermes: unknown command " + command + " (it was not registered; see"
                    + " $HERMES_HOME/logs/hermes.log)");
            return FAILED;
        }
        try {
            found.get().run(arguments, new Context());
            out.flush();
            return OK;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "hermes " + command + " failed", e);
            out.flush();
            err.println("hermes: " + messageOf(e));
            return FAILED;
        }
    }

    /**
     * Runs {@code command} once per line of {@code lines}, with the arguments {@code prefix + " " + line}, and flushes
     * each reply at once, so a caller can feed one line and read one answer. Blank lines are skipped. It stops at the
     * first failure, so the replies never fall out of step with the lines.
     *
     * @return the exit code
     */
    int runEachLine(String command, String prefix, BufferedReader lines) throws InterruptedException, IOException {
        Optional<Command> found = catalog.await(command, registrationWait);
        if (found.isEmpty()) {
            err.println("hermes: unknown command " + command + " (it was not registered; see"
                    + " $HERMES_HOME/logs/hermes.log)");
            return FAILED;
        }
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                found.get().run(prefix + " " + line.strip(), new Context());
                out.flush();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "hermes " + command + " failed on line " + number, e);
                out.flush();
                err.println("hermes: line " + number + ": " + messageOf(e));
                return FAILED;
            }
        }
        return OK;
    }

    /**
     * Runs {@code command} once with the arguments {@code prefix + " " + text}, where the text is the whole content of
     * the file {@code source}, or of {@code stdin} when the source is {@code -}. Files are read as UTF-8; a byte that is
     * not UTF-8 becomes U+FFFD rather than stopping the read, so a scan still sees the rest of the file.
     *
     * @return the exit code; 1 when the source cannot be read
     */
    int runOnText(String command, String prefix, String source, Reader stdin) throws InterruptedException {
        String text;
        try {
            text = source.equals("-") ? readAll(stdin)
                    : new String(Files.readAllBytes(Path.of(source)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("hermes: cannot read " + source + ": no such file");
            return FAILED;
        } catch (IOException | InvalidPathException e) {
            err.println("hermes: cannot read " + source + ": " + messageOf(e));
            return FAILED;
        }
        return run(command, prefix + " " + text);
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }

    /** An exception's message, or its type when it has none (a bare NullPointerException must still say something). */
    static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A one-shot has no session; the local user typed it. */
    private final class Context implements Command.Context {
        @Override
        public Optional<Session> session() {
            return Optional.empty();
        }

        @Override
        public Caller caller() {
            return Caller.localUser();
        }

        @Override
        public void reply(String text) {
            out.println(text);
        }
    }
}
