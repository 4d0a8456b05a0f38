package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import hermes.api.Configuration;

/**
 * Every setting the gateway reads, by the original's names, in one place. Read at each use (the files may change
 * while the gateway runs); a config.yaml that cannot be read counts as unset, with a warning naming the problem.
 */
final class GatewaySettings {

    /** {@code platforms.<platform>.enabled}; {@code false} here wins over the environment. */
    static final String PLATFORM_ENABLED = "platforms.%s.enabled";
    /** {@code <PLATFORM>_ENABLED=true} (secret or environment), e.g. {@code API_SERVER_ENABLED}. */
    static final String ENV_ENABLED = "%s_ENABLED";
    static final String ENV_ALLOW_ALL_USERS = "%s_ALLOW_ALL_USERS";
    static final String ENV_ALLOWED_USERS = "%s_ALLOWED_USERS";
    static final String GATEWAY_ALLOWED_USERS = "GATEWAY_ALLOWED_USERS";
    static final String GATEWAY_ALLOW_ALL_USERS = "GATEWAY_ALLOW_ALL_USERS";
    static final String GROUP_SESSIONS_PER_USER = "group_sessions_per_user";
    static final String THREAD_SESSIONS_PER_USER = "thread_sessions_per_user";
    /** The original's key (interrupt, queue, steer); {@link #BUSY_MODE} is read when it is unset. */
    static final String BUSY_INPUT_MODE = "display.busy_input_mode";
    static final String BUSY_MODE = "busy_mode";
    static final String UNAUTHORIZED_DM_BEHAVIOR = "unauthorized_dm_behavior";
    static final String PLATFORM_UNAUTHORIZED_DM_BEHAVIOR = "platforms.%s.unauthorized_dm_behavior";
    static final String RESET_MODE = "session_reset.mode";
    static final String RESET_AT_HOUR = "session_reset.at_hour";
    static final String RESET_IDLE_MINUTES = "session_reset.idle_minutes";
    static final String RESET_NOTIFY = "session_reset.notify";
    static final String RESET_NOTIFY_EXCLUDE = "session_reset.notify_exclude_platforms";
    /** {@code <PLATFORM>_HOME_CHANNEL} (secret or environment): where deliveries without a chat go. */
    static final String ENV_HOME_CHANNEL = "%s_HOME_CHANNEL";
    /** {@code platforms.<platform>.home_channel}: a chat id, or a map with {@code chat_id}; the secret wins. */
    static final String HOME_CHANNEL = "platforms.%s.home_channel";
    /** Whether replies stream by editing a message, where no platform setting decides (default false). */
    static final String STREAMING_ENABLED = "streaming.enabled";
    /** Seconds between two edits of a streamed reply (default 0.8). */
    static final String STREAMING_EDIT_INTERVAL = "streaming.edit_interval";
    /** Characters a reply must have before its preview message is sent (default 24). */
    static final String STREAMING_BUFFER_THRESHOLD = "streaming.buffer_threshold";
    /** {@code display.platforms.<platform>.streaming}: wins over {@link #STREAMING_ENABLED}. */
    static final String PLATFORM_STREAMING = "display.platforms.%s.streaming";
    /** Platforms whose {@link #PLATFORM_STREAMING} is true in the original's default config. */
    static final Set<String> STREAMING_BY_DEFAULT = Set.of("telegram");
    /** Platforms that never get a reset notice unless the config names others (the original's default). */
    static final List<String> DEFAULT_NOTIFY_EXCLUDE = List.of("api_server", "webhook");

    private static final System.Logger LOG = System.getLogger(GatewaySettings.class.getName());
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** What a message during a running turn does. */
    enum BusyMode { INTERRUPT, QUEUE }

    /** What an unknown sender's direct message gets. */
    enum DmBehavior { PAIR, IGNORE }

    /**
     * How a reply streams into a message.
     *
     * @param editInterval the least time between two edits of the message
     * @param bufferThreshold the characters a text needs before it is shown
     */
    record Streaming(Duration editInterval, int bufferThreshold) {
    }

    private final Configuration configuration;

    GatewaySettings(Configuration configuration) {
        this.configuration = configuration;
    }

    Path home() {
        return configuration.home();
    }

    /** {@code TELEGRAM} for {@code telegram}, {@code API_SERVER} for {@code api_server}. */
    static String environmentPrefix(String platform) {
        return platform.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    boolean enabled(String platform) {
        Optional<Object> configured = config(PLATFORM_ENABLED.formatted(platform));
        if (configured.isPresent()) {
            return truthy(configured.get());
        }
        return flag(ENV_ENABLED.formatted(environmentPrefix(platform)));
    }

    /** {@link hermes.api.Channel.Host#setting}: an upper-case name is a secret, anything else a config.yaml key. */
    Optional<String> hostSetting(String key) {
        if (ENVIRONMENT_NAME.matcher(key).matches()) {
            return secret(key);
        }
        return config(key).map(GatewaySettings::text);
    }

    Optional<String> secret(String name) {
        return configuration.secret(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    boolean flag(String secretName) {
        return secret(secretName).map(GatewaySettings::truthy).orElse(false);
    }

    /** The platform's home chat: {@link #ENV_HOME_CHANNEL} first, then {@link #HOME_CHANNEL}. */
    Optional<String> homeChat(String platform) {
        return secret(ENV_HOME_CHANNEL.formatted(environmentPrefix(platform)))
                .or(() -> config(HOME_CHANNEL.formatted(platform))
                        .map(value -> value instanceof Map<?, ?> map ? map.get("chat_id") : value)
                        .map(GatewaySettings::text).map(String::strip).filter(chat -> !chat.isEmpty()
                                && !chat.equals("null")));
    }

    boolean groupSessionsPerUser() {
        return config(GROUP_SESSIONS_PER_USER).map(GatewaySettings::truthy).orElse(true);
    }

    boolean threadSessionsPerUser() {
        return config(THREAD_SESSIONS_PER_USER).map(GatewaySettings::truthy).orElse(false);
    }

    BusyMode busyMode() {
        String mode = config(BUSY_INPUT_MODE).or(() -> config(BUSY_MODE)).map(GatewaySettings::text)
                .orElse("interrupt").strip().toLowerCase(Locale.ROOT);
        // "steer" (inject into the running turn) has no submission in the API yet: it interrupts, like the default
        return mode.equals("queue") ? BusyMode.QUEUE : BusyMode.INTERRUPT;
    }

    DmBehavior unauthorizedDmBehavior(String platform) {
        String behavior = config(PLATFORM_UNAUTHORIZED_DM_BEHAVIOR.formatted(platform))
                .or(() -> config(UNAUTHORIZED_DM_BEHAVIOR)).map(GatewaySettings::text).orElse("pair").strip();
        return behavior.equalsIgnoreCase("ignore") ? DmBehavior.IGNORE : DmBehavior.PAIR;
    }

    /** How replies on {@code platform} stream, or empty when they are sent whole. */
    Optional<Streaming> streaming(String platform) {
        boolean enabled = config(PLATFORM_STREAMING.formatted(platform)).map(GatewaySettings::truthy)
                .orElseGet(() -> STREAMING_BY_DEFAULT.contains(platform)
                        || config(STREAMING_ENABLED).map(GatewaySettings::truthy).orElse(false));
        if (!enabled) {
            return Optional.empty();
        }
        double seconds = config(STREAMING_EDIT_INTERVAL).map(value -> decimal(value, 0.8)).orElse(0.8);
        int threshold = config(STREAMING_BUFFER_THRESHOLD).map(value -> integer(value, 24)).orElse(24);
        return Optional.of(new Streaming(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))),
                Math.max(1, threshold)));
    }

    ResetPolicy resetPolicy(String platform) {
        ResetPolicy.Mode mode = config(RESET_MODE).map(GatewaySettings::text).map(ResetPolicy.Mode::parse)
                .orElse(ResetPolicy.Mode.BOTH);
        int atHour = config(RESET_AT_HOUR).map(value -> integer(value, 4)).orElse(4);
        int idleMinutes = config(RESET_IDLE_MINUTES).map(value -> integer(value, 1440)).orElse(1440);
        boolean announce = config(RESET_NOTIFY).map(GatewaySettings::truthy).orElse(true)
                && !config(RESET_NOTIFY_EXCLUDE).map(GatewaySettings::words).orElse(DEFAULT_NOTIFY_EXCLUDE)
                        .contains(platform);
        return new ResetPolicy(mode, Math.floorMod(atHour, 24), Math.max(1, idleMinutes), announce);
    }

    private Optional<Object> config(String key) {
        try {
            return configuration.get(key);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "config.yaml cannot be read, so " + key + " counts as unset: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return switch (text(value).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            default -> false;
        };
    }

    /** A YAML value as text: scalars as written, lists joined with commas. */
    static String text(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> map) {
            return map.toString();
        }
        return String.valueOf(value);
    }

    /** A comma-separated list (or a YAML list) as trimmed, non-empty words. */
    static List<String> words(Object value) {
        return Arrays.stream(text(value).split(",")).map(String::strip).filter(word -> !word.isEmpty())
                .toList();
    }

    private static double decimal(Object value, double fallback) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(text(value).strip());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "'" + value + "' is not a number; using " + fallback);
            return fallback;
        }
    }

    private static int integer(Object value, int fallback) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(text(value).strip());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "'" + value + "' is not a whole number; using " + fallback);
            return fallback;
        }
    }
}
