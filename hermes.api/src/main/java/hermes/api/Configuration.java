package hermes.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The user's settings as plugins see them: {@code $HERMES_HOME/config.yaml} by dotted key and secrets from
 * {@code $HERMES_HOME/.env} over the process environment. Registered by the runtime; a plugin that needs a setting
 * outside a tool call (a channel, a scheduler) references this instead of reading the files itself.
 *
 * <p>Threading: any thread. Every call reads the current files, so edits apply without a restart.
 */
@ProviderType
public interface Configuration {

    /** {@code $HERMES_HOME}. */
    Path home();

    /**
     * One {@code config.yaml} value by dotted key ({@code platforms.telegram.enabled}), with {@code ${VAR}} references
     * resolved: a String, Number, Boolean, List or Map as YAML gives it; empty when unset.
     *
     * @throws IOException when config.yaml cannot be read or parsed; the message names the file and the line
     */
    Optional<Object> get(String key) throws IOException;

    /** A secret or environment variable by name ({@code TELEGRAM_BOT_TOKEN}); {@code .env} wins over the environment. */
    Optional<String> secret(String name);
}
