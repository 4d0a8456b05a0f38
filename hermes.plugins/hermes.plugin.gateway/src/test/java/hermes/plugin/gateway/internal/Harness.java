package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Caller;
import hermes.testing.FakeConfiguration;

/**
 * A gateway on a temporary home with a fake runtime: channels supervised on real (short) timings, conversations on a
 * clock the test moves.
 */
final class Harness implements AutoCloseable {

    static final ChannelSupervisor.Timing FAST = new ChannelSupervisor.Timing(InstantSource.system(), Sleeper.REAL,
            Duration.ofMillis(20), new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)), Duration.ofMinutes(1));

    /** Typing repeats this often here, so a test sees several beats of one turn quickly. */
    static final Duration TYPING = Duration.ofMillis(100);

    final Path home;
    final FakeConfiguration config;
    final FakeRuntime runtime;
    final FakeTime time;
    final Gateway gateway;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Harness(Path home) {
        this(home, new FakeRuntime(), new FakeTime(Instant.parse("2025-03-10T12:00:00Z")));
    }

    /** A second gateway on the same home and runtime, as after a restart. */
    Harness(Path home, FakeRuntime runtime, FakeTime time) {
        this.home = home;
        this.runtime = runtime;
        this.time = time;
        this.config = new FakeConfiguration(home);
        this.gateway = new Gateway(new GatewaySettings(config), runtime, new Gateway.Options(time, ZoneOffset.UTC,
                FAST, new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)), TYPING, 4242));
    }

    /** Installs an enabled channel for {@code platform}. */
    FakeChannel channel(String platform) {
        FakeChannel channel = new FakeChannel(platform);
        config.set("platforms." + platform + ".enabled", true);
        gateway.addChannel(channel);
        return channel;
    }

    Harness start() throws IOException {
        gateway.start(lines::add);
        return this;
    }

    /** Waits until {@code channel} is connected. */
    FakeChannel live(FakeChannel channel) {
        Eventually.until(channel.platform() + " runs", () -> gateway.statuses().stream()
                .anyMatch(status -> status.platform().equals(channel.platform())
                        && status.state() instanceof ChannelState.Running) && channel.host() != null);
        return channel;
    }

    /** Allows {@code user} on every platform. */
    Harness allow(String user) {
        config.secret(GatewaySettings.GATEWAY_ALLOWED_USERS, user);
        return this;
    }

    static Caller group(String platform, String chat, String user) {
        return new Caller(platform, Optional.of(chat), Optional.empty(), Optional.of(user), Caller.Trust.UNTRUSTED);
    }

    @Override
    public void close() {
        gateway.stop();
    }
}
