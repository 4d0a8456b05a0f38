package hermes.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Routes {@code System.Logger} (JUL underneath) to {@code $HERMES_HOME/logs/hermes.log}, and nothing to the console: the
 * terminal belongs to the REPL.
 *
 * <p>Not JUL's {@code FileHandler}: it costs about 30 ms of every start (lock files, channels), and while one process
 * holds its lock, another one (a one-shot beside a running gateway) silently writes to {@code hermes.log.1} instead.
 * Every process here appends whole lines to the one file ({@code O_APPEND}), which the kernel keeps from interleaving
 * inside a line.
 */
final class LogSetup {

    private LogSetup() {
    }

    static void toFile(Path file) {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            root.addHandler(new AppendingHandler(new FileOutputStream(file.toFile(), true)));
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            System.err.println("hermes: cannot write the log " + file + " (" + e.getMessage() + "); logging is off");
        }
    }

    /** One line per record: {@code 2026-11-25 09:14:03 INFO logger: message}, then the stack trace if any. */
    static final class AppendingHandler extends Handler {
        private final OutputStream out;
        /** Only for {@link Formatter#formatMessage}: the {0} parameters of a record. */
        private final Formatter parameters = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record);
            }
        };

        AppendingHandler(OutputStream out) {
            this.out = out;
            setLevel(Level.INFO);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            try {
                // one write per record: with O_APPEND the kernel appends it whole, even beside other processes
                out.write(line(record).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                reportError("cannot write the log", e, java.util.logging.ErrorManager.WRITE_FAILURE);
            }
        }

        String line(LogRecord record) {
            LocalDateTime time = LocalDateTime.ofInstant(record.getInstant(), java.time.ZoneId.systemDefault());
            StringBuilder line = new StringBuilder(128);
            line.append(time.getYear()).append('-');
            twoDigits(line, time.getMonthValue()).append('-');
            twoDigits(line, time.getDayOfMonth()).append(' ');
            twoDigits(line, time.getHour()).append(':');
            twoDigits(line, time.getMinute()).append(':');
            twoDigits(line, time.getSecond()).append(' ');
            line.append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(parameters.formatMessage(record)).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static StringBuilder twoDigits(StringBuilder line, int value) {
            return line.append(value < 10 ? "0" : "").append(value);
        }

        @Override
        public synchronized void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                reportError("cannot flush the log", e, java.util.logging.ErrorManager.FLUSH_FAILURE);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                reportError("cannot close the log", e, java.util.logging.ErrorManager.CLOSE_FAILURE);
            }
        }
    }
}
