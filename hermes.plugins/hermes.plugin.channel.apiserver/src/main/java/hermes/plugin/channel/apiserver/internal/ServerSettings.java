package hermes.plugin.channel.apiserver.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import hermes.api.Channel;

/**
 * The API server's configuration, read once per {@link Channel#start}. Every key is looked up first in
 * {@code config.yaml} under {@code platforms.api_server.extra.<key>} (the original's per-platform block), then as its
 * environment variable ({@code $HERMES_HOME/.env} wins over the process environment; the host resolves that).
 *
 * @param host the address to bind ({@code API_SERVER_HOST}, default {@value #DEFAULT_HOST})
 * @param port the port to bind ({@code API_SERVER_PORT}, default {@value #DEFAULT_PORT}; 0 picks a free one)
 * @param key the bearer key every request but {@code /health} must carry ({@code API_SERVER_KEY}); empty means no
 *     authentication, which is only allowed on a loopback address
 * @param corsOrigins browser origins allowed to call the server ({@code API_SERVER_CORS_ORIGINS}, comma-separated;
 *     {@code *} for any); empty means browsers are refused
 * @param modelName the one model {@code /v1/models} lists ({@code API_SERVER_MODEL_NAME}, default
 *     {@value #DEFAULT_MODEL_NAME})
 * @param turnTimeout how long one request may run before its turn is interrupted ({@code agent.gateway_timeout} in
 *     seconds, default 1800, the original's gateway limit per run)
 */
record ServerSettings(String host, int port, String key, List<String> corsOrigins, String modelName,
                      Duration turnTimeout) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8642;
    static final String DEFAULT_MODEL_NAME = "hermes-agent";
    static final long DEFAULT_TURN_TIMEOUT_SECONDS = 1800;

    static final String HOST = "API_SERVER_HOST";
    static final String PORT = "API_SERVER_PORT";
    static final String KEY = "API_SERVER_KEY";
    static final String CORS_ORIGINS = "API_SERVER_CORS_ORIGINS";
    static final String MODEL_NAME = "API_SERVER_MODEL_NAME";
    static final String GATEWAY_TIMEOUT = "agent.gateway_timeout";
    /** Where {@code config.yaml} keeps the same settings: {@code platforms.api_server.extra.host}, {@code .port}, … */
    static final String CONFIG_PREFIX = "platforms.api_server.extra.";

    ServerSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /**
     * The settings {@code host} gives.
     *
     * @throws IllegalArgumentException when a value is malformed, or the address is not a loopback one and no key is
     *     set; the message names the setting and the fix
     */
    static ServerSettings from(Channel.Host host) {
        String address = read(host, "host", HOST).orElse(DEFAULT_HOST);
        int port = read(host, "port", PORT).map(ServerSettings::port).orElse(DEFAULT_PORT);
        String key = read(host, "key", KEY).orElse("");
        List<String> origins = read(host, "cors_origins", CORS_ORIGINS)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        String modelName = read(host, "model_name", MODEL_NAME).orElse(DEFAULT_MODEL_NAME);
        Duration timeout = Duration.ofSeconds(host.setting(GATEWAY_TIMEOUT).map(String::strip)
                .map(ServerSettings::seconds).orElse(DEFAULT_TURN_TIMEOUT_SECONDS));
        ServerSettings settings = new ServerSettings(address, port, key, origins, modelName, timeout);
        settings.refuseOpenNetworkWithoutKey();
        return settings;
    }

    /** Whether requests must carry the key. */
    boolean requiresKey() {
        return !key.isEmpty();
    }

    private void refuseOpenNetworkWithoutKey() {
        if (requiresKey() || isLoopback(host)) {
            return;
        }
        throw new IllegalArgumentException("the API server will not listen on " + host + " without a key: anyone on "
                + "the network could run commands on this machine. Set " + KEY + " (for example in "
                + "$HERMES_HOME/.env), or bind " + HOST + "=127.0.0.1");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(HOST + "=" + host + " is not an address of this machine: "
                    + "use an IP address or a resolvable name", e);
        }
    }

    private static Optional<String> read(Channel.Host host, String configKey, String environmentName) {
        return host.setting(CONFIG_PREFIX + configKey).or(() -> host.setting(environmentName))
                .map(String::strip).filter(value -> !value.isEmpty());
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PORT + " must be a port number from 0 to 65535, was '" + text + "'");
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(GATEWAY_TIMEOUT + " must be a whole number of seconds above 0, was '"
                + text + "': fix it in config.yaml");
    }
}
