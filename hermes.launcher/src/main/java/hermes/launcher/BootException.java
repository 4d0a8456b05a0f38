package hermes.launcher;

/** The runtime could not be started; the message says why and what to do. */
public final class BootException extends Exception {

    private static final long serialVersionUID = 1L;

    public BootException(String message, Throwable cause) {
        super(message, cause);
    }

    public BootException(String message) {
        super(message);
    }
}
