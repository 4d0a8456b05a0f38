package hermes.plugin.cron.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import hermes.api.Configuration;

/**
 * Every setting the cron bundle reads, by the original's names, read at each use (the files may change while the
 * gateway runs). A config.yaml that cannot be read counts as unset, with a warning.
 */
final class CronSettings {

    /** {@code cron.wrap_response} (default true): a header and footer around delivered answers. */
    static final String WRAP_RESPONSE = "cron.wrap_response";
    /** {@code HERMES_CRON_TIMEOUT} seconds (secret or environment), then {@code cron.timeout_seconds}; 0 = none. */
    static final String TIMEOUT_SECRET = "HERMES_CRON_TIMEOUT";
    static final String TIMEOUT = "cron.timeout_seconds";
    /** {@code agent.disabled_toolsets}: kept disabled in job runs, with {@code cronjob} added. */
    static final String DISABLED_TOOLSETS = "agent.disabled_toolsets";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(CronSettings.class.getName());

    private final Configuration configuration;

    CronSettings(Configuration configuration) {
        this.configuration = configuration;
    }

    Configuration configuration() {
        return configuration;
    }

    boolean wrapResponse() {
        return config(WRAP_RESPONSE).map(value -> !String.valueOf(value).strip().equalsIgnoreCase("false"))
                .orElse(true);
    }

    /** How long one run may take; empty for no limit. */
    Optional<Duration> timeout() {
        Optional<String> text = configuration.secret(TIMEOUT_SECRET).or(() -> config(TIMEOUT).map(String::valueOf));
        if (text.isEmpty()) {
            return Optional.of(DEFAULT_TIMEOUT);
        }
        try {
            double seconds = Double.parseDouble(text.get().strip());
            return seconds <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "the cron timeout '" + text.get() + "' is not a number of seconds;"
                    + " using " + DEFAULT_TIMEOUT.toSeconds());
            return Optional.of(DEFAULT_TIMEOUT);
        }
    }

    /** The configured disabled toolsets plus {@code cronjob}, as the comma list a session override takes. */
    String disabledToolsetsForJobs() {
        List<String> configured = config(DISABLED_TOOLSETS).map(value -> value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).toList()
                : Arrays.asList(String.valueOf(value).split(","))).orElse(List.of());
        return Stream.concat(configured.stream().map(String::strip).filter(s -> !s.isEmpty()),
                Stream.of(CronJobTool.TOOLSET)).distinct().collect(Collectors.joining(","));
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
}
