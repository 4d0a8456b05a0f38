package hermes.launcher;

import org.apache.felix.framework.Logger;

/** Sends the framework's own log to {@code System.Logger} (the log file) instead of stdout, where it would break the prompt. */
final class FelixLog extends Logger {

    private static final System.Logger LOG = System.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        System.Logger.Level target = switch (level) {
            case LOG_ERROR -> System.Logger.Level.ERROR;
            case LOG_WARNING -> System.Logger.Level.WARNING;
            case LOG_INFO -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
        LOG.log(target, msg, throwable);
    }
}
