package hermes.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A slash command ({@code /name args}), shared by the CLI and the gateway.
 *
 * <p>Threading: {@link #run} is called on the front end's thread for the session; it may block briefly.
 * Errors: an exception is shown to the user as {@code /name failed: <message>}; it never ends the session.
 */
@ConsumerType
public interface Command {

    /** The name without the slash. */
    String name();

    /** One line for {@code /help}. */
    String description();

    /** Other names that run the same command. */
    default List<String> aliases() {
        return List.of();
    }

    /** Whether only the interactive CLI offers it (for example {@code /quit}). */
    default boolean cliOnly() {
        return false;
    }

    /**
     * Runs the command.
     *
     * @param arguments the text after the name, trimmed (empty when none)
     * @param context where to answer and which session it is for
     */
    void run(String arguments, Context context) throws Exception;

    /** Where a command runs. Implemented by the front end. */
    @ProviderType
    interface Context {
        /** The session the command is typed in, if one is open. */
        Optional<Session> session();

        /** Who typed it. */
        Caller caller();

        /** Shows text to the user (a block; may span lines). */
        void reply(String text);
    }
}
