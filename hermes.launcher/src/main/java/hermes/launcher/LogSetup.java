package hermes.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.SimpleFormatter;

/**
 * Routes {@code System.Logger} (JUL underneath) to {@code $HERMES_HOME/logs/hermes.log}, and nothing to the console: the terminal belongs to the REPL.
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
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
            FileHandler handler = new FileHandler(file.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            System.err.println("hermes: cannot write the log " + file + " (" + e.getMessage() + "); logging is off");
        }
    }
}
