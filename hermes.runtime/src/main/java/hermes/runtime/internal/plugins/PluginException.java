package hermes.runtime.internal.plugins;

/** A plugin jar could not be loaded; the message says what went wrong and what to do, for {@code /plugins}. */
final class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    PluginException(String message) {
        super(message);
    }

    PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
